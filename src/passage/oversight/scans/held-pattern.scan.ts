// The held-pattern test of DOMAIN.md §4 run over the store: per checkpoint and departure day, and
// per operation, the sex and age pattern of the people held back against that of the people
// passing (model/alert-rules.ts heldPatternDeparts). Scopes with fewer held people than the test
// needs are not even counted; passing counts are cached for `passingRefreshMs`, since over a day
// of thousands passing they barely move while the held side, read fresh each tick, is what
// changes — so a new detention is judged within one tick at the cost of one indexed read.
import { AGE_BANDS, isSex } from '../../model/age-band.ts';
import type { AgeBand, Sex } from '../../model/age-band.ts';
import type { AlertCandidate } from '../../model/alert.ts';
import { heldPatternDeparts, MIN_HELD_FOR_PATTERN } from '../../model/alert-rules.ts';
import type { HeldPatternReader, PatternScope, SexAgeRow } from './held-pattern.reader.ts';
import type { ScanMemo } from './scan-memo.ts';

/** Most held people read per tick: far above any real count, a bound on a runaway table. */
export const HELD_READ_LIMIT = 100_000;

type Table = Partial<Record<Sex, Partial<Record<AgeBand, number>>>>;

interface ScopeCounts {
  readonly scope: PatternScope;
  readonly held: Table;
  total: number;
}

function isAgeBand(value: string | null): value is AgeBand {
  return AGE_BANDS.some((band) => band === value);
}

/** Adds `people` to a cell; a person with no usable age band cannot be placed and is left out. */
function add(table: Table, row: SexAgeRow): boolean {
  if (!isAgeBand(row.ageBand)) return false;
  const sex: Sex = isSex(row.sex) ? row.sex : 'unknown';
  const cells = (table[sex] ??= {});
  cells[row.ageBand] = (cells[row.ageBand] ?? 0) + row.people;
  return true;
}

function keyOf(scope: PatternScope): string {
  return scope.type === 'operation'
    ? `operation:${scope.id}`
    : `checkpoint:${scope.id}:${scope.day}`;
}

/** The held people grouped into every scope they belong to. */
async function heldByScope(reader: HeldPatternReader): Promise<ScopeCounts[]> {
  const scopes = new Map<string, ScopeCounts>();
  const count = (scope: PatternScope, row: SexAgeRow) => {
    const key = keyOf(scope);
    let entry = scopes.get(key);
    if (entry === undefined) {
      entry = { scope, held: {}, total: 0 };
      scopes.set(key, entry);
    }
    if (add(entry.held, row)) entry.total++;
  };
  for (const person of await reader.listHeld(HELD_READ_LIMIT)) {
    const row = { sex: person.sex, ageBand: person.ageBand, people: 1 };
    const day = person.departedAt?.slice(0, 10);
    if (person.checkpointId !== null && day !== undefined && day.length === 10) {
      count({ type: 'checkpoint', id: person.checkpointId, day }, row);
    }
    if (person.operationId !== null) count({ type: 'operation', id: person.operationId }, row);
  }
  return [...scopes.values()];
}

/** Options of `heldPatternCandidates`. */
export interface HeldPatternScanOptions {
  readonly memo: ScanMemo;
  /** How long passing counts are reused, in ms. */
  readonly passingRefreshMs: number;
}

async function passingCounts(
  reader: HeldPatternReader,
  scope: PatternScope,
  options: HeldPatternScanOptions & { readonly nowMs: number },
): Promise<Table> {
  const key = keyOf(scope);
  const cached = options.memo.passing.get(key);
  if (cached !== undefined && options.nowMs - cached.at < options.passingRefreshMs) {
    return cached.counts;
  }
  const counts: Table = {};
  for (const row of await reader.countPassing(scope)) add(counts, row);
  options.memo.passing.set(key, { at: options.nowMs, counts });
  return counts;
}

/** A held-pattern alert and the scope it is about (the memo's key). */
export interface PatternFinding {
  readonly scopeKey: string;
  readonly candidate: AlertCandidate<'held_pattern'>;
}

/**
 * The held-pattern alerts due now: one per scope whose held people depart from the passing,
 * skipping scopes `options.memo` knows are already alerted.
 *
 * @example const findings = await heldPatternFindings(reader, now, options)
 */
export async function heldPatternFindings(
  reader: HeldPatternReader,
  now: Date,
  options: HeldPatternScanOptions,
): Promise<PatternFinding[]> {
  const nowMs = now.getTime();
  for (const [key, cached] of options.memo.passing) {
    if (nowMs - cached.at >= 2 * options.passingRefreshMs) options.memo.passing.delete(key);
  }
  const findings: PatternFinding[] = [];
  for (const { scope, held, total } of await heldByScope(reader)) {
    const scopeKey = keyOf(scope);
    if (total < MIN_HELD_FOR_PATTERN || options.memo.patterns.has(scopeKey)) continue;
    const passing = await passingCounts(reader, scope, { ...options, nowMs });
    const candidate = heldPatternDeparts({
      held,
      passing,
      subject: { type: scope.type, id: scope.id },
      period: scope.type === 'checkpoint' ? scope.day : undefined,
    });
    if (candidate !== undefined) findings.push({ scopeKey, candidate });
  }
  return findings;
}
