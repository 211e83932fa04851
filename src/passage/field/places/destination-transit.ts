// How long a person seen at one place should take to reach safety: the shortest route, by the
// legs' 95th-percentile transit times, through the gazetteer's legs to the nearest place that
// `isDestination` accepts. Dijkstra over a graph of tens of places; a leg stored one way serves
// both ways and the longer p95 wins when a pair is stored twice (as model/transit.ts does).
import type { PlaceLeg, TransitLeg } from '../../model/transit.ts';

/** One neighbour of a place and the p95 minutes to it. */
type Edges = Map<string, Map<string, number>>;

function addEdge(edges: Edges, from: string, to: string, minutes: number): void {
  let out = edges.get(from);
  if (out === undefined) {
    out = new Map();
    edges.set(from, out);
  }
  out.set(to, Math.max(out.get(to) ?? 0, minutes));
}

function edgesOf(legs: readonly PlaceLeg[]): Edges {
  const edges: Edges = new Map();
  for (const leg of legs) {
    // A damaged row must not break a capture: a leg with no usable time is no leg.
    if (!Number.isFinite(leg.p95Minutes) || leg.p95Minutes < 0) continue;
    addEdge(edges, leg.fromId, leg.toId, leg.p95Minutes);
    addEdge(edges, leg.toId, leg.fromId, leg.p95Minutes);
  }
  return edges;
}

function closestOpen(distance: ReadonlyMap<string, number>, done: ReadonlySet<string>) {
  let best: [string, number] | undefined;
  for (const [place, minutes] of distance) {
    if (!done.has(place) && (best === undefined || minutes < best[1])) best = [place, minutes];
  }
  return best;
}

/**
 * The p95 transit from `fromId` to the nearest place (other than `fromId` itself) accepted by
 * `isDestination`, or undefined when none is reachable through known legs.
 *
 * @example
 * transitToNearest(legs, bridgeId, (id) => kinds.get(id) === 'humanitarian_centre')
 * // { p95Minutes: 2970 }
 */
export function transitToNearest(
  legs: readonly PlaceLeg[],
  fromId: string,
  isDestination: (placeId: string) => boolean,
): TransitLeg | undefined {
  const edges = edgesOf(legs);
  const distance = new Map<string, number>([[fromId, 0]]);
  const done = new Set<string>();
  for (let next = closestOpen(distance, done); next !== undefined;) {
    const [place, minutes] = next;
    if (place !== fromId && isDestination(place)) return { p95Minutes: minutes };
    done.add(place);
    for (const [neighbour, leg] of edges.get(place) ?? []) {
      const via = minutes + leg;
      if (via < (distance.get(neighbour) ?? Number.POSITIVE_INFINITY)) {
        distance.set(neighbour, via);
      }
    }
    next = closestOpen(distance, done);
  }
  return undefined;
}
