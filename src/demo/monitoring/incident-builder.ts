// Builds one incident's history step by step along the verification workflow (DOMAIN.md §5):
// each step moves a time cursor forward, so versions, transitions and links come out in time
// order; the two-person steps (verified, cleared for publication) record a proposer and a
// different confirmer.
import type { IncidentState } from '../../monitoring/model/vocabulary.ts';
import type { Random } from '../random.ts';
import type { ItemBuild } from './item-ledger.ts';
import type {
  IncidentContent,
  IncidentDraft,
  IncidentLinkDraft,
  IncidentTransitionDraft,
  IncidentVersionDraft,
  StaffLogin,
} from './monitoring.types.ts';
import type { DemoTeam } from './monitoring-world.ts';
import { MINUTE_MS, isoAt, twoPeople } from './monitoring-world.ts';

/** Steps that need a second person. */
export const TWO_PERSON_STATES: ReadonlySet<IncidentState> = new Set([
  'verified',
  'cleared_for_publication',
]);

/**
 * One incident under construction.
 *
 * @example
 * const b = new IncidentBuilder({ rng, team, id, happeningId: null }, { at, by, content });
 * b.move('triaged', 'in scope'); const draft = b.finish();
 */
export class IncidentBuilder {
  readonly #rng: Random;
  readonly #team: DemoTeam;
  readonly #id: string;
  readonly #happeningId: string | null;
  readonly #opened: { at: number; by: StaffLogin };
  readonly #versions: IncidentVersionDraft[] = [];
  readonly #transitions: IncidentTransitionDraft[] = [];
  readonly #links: IncidentLinkDraft[] = [];
  #state: IncidentState = 'received';
  #now: number;

  constructor(
    setup: { rng: Random; team: DemoTeam; id: string; happeningId: string | null },
    first: { at: number; by: StaffLogin; content: IncidentContent },
  ) {
    this.#rng = setup.rng;
    this.#team = setup.team;
    this.#id = setup.id;
    this.#happeningId = setup.happeningId;
    this.#opened = { at: first.at, by: first.by };
    this.#now = first.at;
    this.#versions.push({
      at: isoAt(first.at),
      by: first.by,
      reason: 'opened',
      content: first.content,
    });
  }

  get id(): string {
    return this.#id;
  }

  get state(): IncidentState {
    return this.#state;
  }

  /** The time of the last step. */
  get now(): number {
    return this.#now;
  }

  /** Moves the cursor forward by `minLow`–`minHigh` minutes, or to `at` if that is later. */
  wait(minLow: number, minHigh: number, at = 0): number {
    this.#now = Math.max(this.#now + this.#rng.between(minLow, minHigh) * MINUTE_MS, at);
    return this.#now;
  }

  /** A new version of the content. */
  revise(content: IncidentContent, reason: string, by?: StaffLogin): void {
    this.wait(5, 60);
    const author = by ?? this.#rng.pick(this.#team.analysts);
    this.#versions.push({ at: isoAt(this.#now), by: author, reason, content });
  }

  /** A one-person state change. */
  move(to: IncidentState, reason: string, extra: { by?: StaffLogin; mergedInto?: string } = {}) {
    if (TWO_PERSON_STATES.has(to)) throw new RangeError(`${to} needs two people`);
    this.wait(20, 240);
    this.#push({
      to,
      reason,
      by: extra.by ?? this.#rng.pick(this.#team.analysts),
      ...(extra.mergedInto === undefined ? {} : { mergedInto: extra.mergedInto }),
    });
  }

  /** A two-person step: an analyst proposes, a coordinator confirms later. */
  approve(to: 'verified' | 'cleared_for_publication', reason: string): StaffLogin {
    const [proposer, confirmer] = twoPeople(this.#rng, this.#team);
    const proposedAt = this.wait(15, 120);
    this.wait(10, 90);
    this.#push({ to, reason, by: confirmer, proposedBy: proposer, proposedAt: isoAt(proposedAt) });
    return proposer;
  }

  /** Links `item` no earlier than its receipt. */
  linkItem(item: ItemBuild): void {
    // The cursor moves with the link: later steps come after it, as they would in the system.
    this.#now = Math.max(this.#now, item.availableAt) + this.#rng.between(5, 30) * MINUTE_MS;
    const by = this.#rng.pick(this.#team.analysts);
    this.#links.push({ kind: 'item', itemId: item.id, at: isoAt(this.#now), by });
    item.status = 'linked';
  }

  /** Links a passage case (a held person or a tracing request) no earlier than `notBefore`. */
  linkCase(kind: 'held_case' | 'tracing_request', caseId: string, notBefore: number): void {
    this.#now = Math.max(this.#now, notBefore) + this.#rng.between(30, 120) * MINUTE_MS;
    const by = this.#rng.pick(this.#team.analysts);
    this.#links.push({ kind, caseId, at: isoAt(this.#now), by });
  }

  /** The frozen incident. */
  finish(): IncidentDraft {
    return {
      id: this.#id,
      happeningId: this.#happeningId,
      openedAt: isoAt(this.#opened.at),
      openedBy: this.#opened.by,
      versions: [...this.#versions],
      transitions: [...this.#transitions],
      links: [...this.#links].sort((a, b) => a.at.localeCompare(b.at)),
      finalState: this.#state,
    };
  }

  #push(step: Omit<IncidentTransitionDraft, 'from' | 'at'>): void {
    this.#transitions.push({ from: this.#state, at: isoAt(this.#now), ...step });
    this.#state = step.to;
  }
}
