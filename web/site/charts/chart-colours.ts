// The colours of chart lines and their legend swatches: dark enough for 3:1 contrast on white
// (WCAG 1.4.11, graphical objects) and told apart by readers with the common colour blindnesses.
const COLOURS = ['#0b5cad', '#b34700', '#2e7d32', '#7b1fa2', '#00727d', '#5d4037', '#ad1457'];

/** The colour of line `index`. */
export function chartColour(index: number): string {
  return COLOURS[index % COLOURS.length] ?? '#1b1f24';
}
