// The daily report's days as every public output counts them: the 24 hours that end at each
// cut-off, named by the local date of that cut-off (DOMAIN.md §1). The open datasets count the
// same days, so that a day's bulletin and a dataset's day describe one period and their tables
// can be disclosed against each other. Cut-offs are computed once per date (Intl is slow), so
// placing a million instants costs a few comparisons each.
import { cutoffOn, shiftDate } from './bulletin-schedule.ts';
import type { CutoffSettings } from './bulletin-schedule.ts';

/** Reporting days under one cut-off setting. */
export class ReportingDays {
  readonly #settings: CutoffSettings;
  readonly #cutoffs = new Map<string, number>();

  constructor(settings: CutoffSettings) {
    this.#settings = settings;
  }

  /** The cut-off that ends reporting day `localDate`, in epoch milliseconds. */
  cutoffOf(localDate: string): number {
    let cutoff = this.#cutoffs.get(localDate);
    if (cutoff === undefined) {
      cutoff = cutoffOn(localDate, this.#settings).getTime();
      this.#cutoffs.set(localDate, cutoff);
    }
    return cutoff;
  }

  /** The reporting day `instant` falls in: that of the first cut-off after it. */
  dayOf(instant: string | Date): string {
    const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    // Zones are at most 14 h from UTC: the day is the UTC date, the one before or one after.
    let day = shiftDate(new Date(at).toISOString().slice(0, 10), -1);
    while (this.cutoffOf(day) <= at) day = shiftDate(day, 1);
    return day;
  }

  /** The instant before which every reporting day is complete at `now` (its latest cut-off). */
  completeBefore(now: Date): string {
    return new Date(this.cutoffOf(shiftDate(this.dayOf(now), -1))).toISOString();
  }
}
