/** Rows per multi-row statement: well under both engines' bound-parameter limits. */
export const ROWS_PER_STATEMENT = 500;

/**
 * Splits `rows` into slices of at most ROWS_PER_STATEMENT.
 *
 * @example for (const slice of inSlices(journeys)) await db.insertInto('journey').values(slice)
 */
export function* inSlices<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    yield rows.slice(start, start + ROWS_PER_STATEMENT);
  }
}
