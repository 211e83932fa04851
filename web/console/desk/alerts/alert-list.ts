// Alerts as the desk keeps them: one list, newest first, each alert once whether it came from
// GET /api/v1/alerts or from the live stream; and what each kind of alert says, as a catalogue
// key and its values (alerts carry ids and counts only, never a name: src/alerts/alert.service.ts).

/** An alert as the API sends it. */
export interface Alert {
  readonly id: string;
  readonly type: string;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly subjectType: string;
  readonly subjectId: string;
  readonly raisedAt: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly acknowledgedAt: string | null;
}

/** The alert kinds the desk has a sentence for (src/passage/model/alert.ts). */
export const ALERT_TYPES = [
  'journey_overdue',
  'person_held',
  'headcount_mismatch',
  'held_pattern',
  'possible_enforced_disappearance',
  'welfare_contact_missed',
] as const;

/** The journey states in which a person counts as held (src/passage/model/alert-rules.ts). */
export const HELD_STATES = ['held_secondary', 'detained', 'unknown'] as const;

const heldState = (value: unknown) => HELD_STATES.find((state) => state === value) ?? null;

/**
 * `known` with `incoming` added (an alert already there is replaced), newest raised first.
 *
 * @example mergeAlerts([a], [b]) // [b, a] when b was raised after a
 */
export function mergeAlerts(known: readonly Alert[], incoming: readonly Alert[]): Alert[] {
  const byId = new Map(known.map((alert) => [alert.id, alert]));
  for (const alert of incoming) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) =>
    a.raisedAt === b.raisedAt ? b.id.localeCompare(a.id) : b.raisedAt.localeCompare(a.raisedAt),
  );
}

/** A catalogue key and the values its placeholders take. */
export interface AlertText {
  readonly key: string;
  readonly numbers: Readonly<Record<string, number>>;
  /** Instants its placeholders name (ISO-8601), shown as dates and times. */
  readonly times: Readonly<Record<string, string>>;
  /** A checkpoint or place id to name, when the alert has one. */
  readonly placeId: string | null;
  /** How a held person is held (person_held): held_secondary, detained or unknown. */
  readonly state: (typeof HELD_STATES)[number] | null;
}

const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * What `alert` says: `alert.<type>` with its counts, or `alert.other` for a kind this build
 * does not know.
 *
 * @example alertText(headcount).key // 'alert.headcount_mismatch'
 */
export function alertText(alert: Alert): AlertText {
  const d = alert.details;
  const base = { placeId: text(d['checkpointId']), state: null, times: {} };
  switch (alert.type) {
    case 'journey_overdue':
      return {
        ...base,
        key: 'alert.journey_overdue',
        numbers: { minutes: number(d['overdueMinutes']) },
      };
    case 'headcount_mismatch':
      return {
        ...base,
        key: 'alert.headcount_mismatch',
        numbers: { declared: number(d['declared']), counted: number(d['counted']) },
      };
    case 'held_pattern':
      return {
        ...base,
        key: 'alert.held_pattern',
        numbers: { held: number(d['held']), passing: number(d['passing']) },
      };
    case 'possible_enforced_disappearance':
      return {
        ...base,
        key: 'alert.possible_enforced_disappearance',
        numbers: { days: number(d['days']) },
      };
    case 'person_held':
      return { ...base, key: 'alert.person_held', numbers: {}, state: heldState(d['state']) };
    case 'welfare_contact_missed':
      return {
        ...base,
        key: 'alert.welfare_contact_missed',
        numbers: {},
        times: { due: text(d['dueAt']) ?? '' },
      };
    default:
      return { ...base, key: 'alert.other', numbers: {} };
  }
}
