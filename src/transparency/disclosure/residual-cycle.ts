// Can a hidden entry of a published table take another value? The extended grid is a
// circulation: a source feeds each row through its row total, each row feeds the columns through
// its cells, each column drains to a sink through its column total, and the grand total closes
// the loop (source → row i → column j → sink → source). Every line sum of the grid is the flow
// conservation at one node. A consistent change of the hidden entries is a circulation too, and
// (the constraint matrix being a network matrix, so totally unimodular) an entry can change at
// all if and only if some simple cycle through it can be pushed by one unit without leaving the
// known bounds of any entry on it. So "not recoverable" is a path search in the residual graph.
import type { GridCell } from './count-table.ts';

/** Whether the entry at `cell` may move by `step` (+1 or −1) in some consistent alternative. */
export type RoomCheck = (cell: GridCell, step: 1 | -1) => boolean;

/** Grid dimensions (without totals). */
export interface GridShape {
  readonly rows: number;
  readonly columns: number;
}

interface Arc {
  readonly from: number;
  readonly to: number;
}

/** The network arc of a grid position: nodes are source 0, rows 1…R, columns R+1…R+C, sink. */
function arcOf(shape: GridShape, cell: GridCell): Arc {
  const source = 0;
  const sink = shape.rows + shape.columns + 1;
  const rowNode = cell.row + 1;
  const columnNode = shape.rows + cell.column + 1;
  if (cell.row < shape.rows && cell.column < shape.columns)
    return { from: rowNode, to: columnNode };
  if (cell.row < shape.rows) return { from: source, to: rowNode };
  if (cell.column < shape.columns) return { from: columnNode, to: sink };
  return { from: sink, to: source };
}

function residualEdges(shape: GridShape, room: RoomCheck, skip: GridCell): Arc[] {
  const edges: Arc[] = [];
  for (let row = 0; row <= shape.rows; row++) {
    for (let column = 0; column <= shape.columns; column++) {
      if (row === skip.row && column === skip.column) continue;
      const cell = { row, column };
      const arc = arcOf(shape, cell);
      if (room(cell, 1)) edges.push(arc);
      if (room(cell, -1)) edges.push({ from: arc.to, to: arc.from });
    }
  }
  return edges;
}

function reaches(edges: readonly Arc[], from: number, to: number): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return true;
    for (const edge of edges) {
      if (edge.from === node && !seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return false;
}

/**
 * True when some simple cycle moves `cell` by `step` while every other entry it touches stays
 * within its bounds (as `room` says): then another table, consistent with everything published,
 * differs at `cell`, so the cell is not recovered exactly.
 *
 * @example canMove({ rows: 1, columns: 1 }, { row: 0, column: 0 }, 1, () => true) // true
 */
export function canMove(shape: GridShape, cell: GridCell, step: 1 | -1, room: RoomCheck): boolean {
  if (!room(cell, step)) return false;
  const arc = arcOf(shape, cell);
  const edges = residualEdges(shape, room, cell);
  // Pushing the arc forward needs a way back from its head to its tail, and the reverse.
  return step === 1 ? reaches(edges, arc.to, arc.from) : reaches(edges, arc.from, arc.to);
}
