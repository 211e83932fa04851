/** A half-open interval of ISO-8601 UTC instants: `from` ≤ t < `before`. */
export interface TimeRange {
  from: string;
  before: string;
}
