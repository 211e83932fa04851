// One tick of the oversight scanner: every condition that is a matter of time rather than of a
// capture (a capture raises its own alerts, e.g. a person held or a headcount mismatch) is
// looked for here and raised through the alert service, which stores, seals and pushes it to
// staff. Ticks run every few seconds (scan-timer.ts), so an alert follows its cause within one
// interval plus one tick. Each part runs on its own: one failing is logged and the others run.
import type { Alert } from '../../database/alert.repository.ts';
import { possibleEnforcedDisappearance } from '../../model/alert-rules.ts';
import { DEFAULT_DISAPPEARANCE_DAYS } from '../../model/held-case.machine.ts';
import type { PassageContext } from '../../passage-context.ts';
import { possibleDisappearances } from './disappearance.scan.ts';
import { KyselyHeldPatternReader } from './held-pattern.kysely.ts';
import { heldPatternFindings } from './held-pattern.scan.ts';
import { overdueCandidates } from './overdue.scan.ts';
import { ScanMemo } from './scan-memo.ts';
import { scanMissedWelfare } from './welfare-missed.scan.ts';

/** The tunables of a scan; every one has a default. */
export interface AlertScanOptions {
  /** Hours after its due time a welfare contact counts as missed (default 24). */
  readonly welfareGraceHours?: number;
  /** Most overdue journeys read per tick (default 10,000). */
  readonly overdueLimit?: number;
  /** How long the held-pattern test reuses passing counts, ms (default 5 minutes). */
  readonly passingRefreshMs?: number;
  /** Days after which a held case of unknown fate is flagged (default the model's 7). */
  readonly disappearanceDays?: number;
  /** What the scanner remembers between ticks; a fresh memo by default. */
  readonly memo?: ScanMemo;
}

/** What one tick did. */
export interface ScanReport {
  /** The alerts stored and pushed by this tick. */
  readonly raised: readonly Alert[];
  /** Welfare contacts marked missed. */
  readonly missedContacts: number;
  /** Held cases that may be enforced disappearances (not alerted: no alert type yet). */
  readonly possibleDisappearances: readonly string[];
  /** The parts that failed (each logged through ctx.logError). */
  readonly failed: readonly string[];
}

/** The default grace of a welfare contact: a day, for a visit delayed by a closed road. */
export const DEFAULT_WELFARE_GRACE_HOURS = 24;
/** The default bound on overdue journeys read per tick. */
export const DEFAULT_OVERDUE_LIMIT = 10_000;
/** The default age of reusable passing counts. */
export const DEFAULT_PASSING_REFRESH_MS = 5 * 60_000;

type ScanContext = Pick<PassageContext, 'db' | 'sealer' | 'alerts' | 'logError'>;

async function raiseOverdue(
  ctx: ScanContext,
  now: Date,
  options: AlertScanOptions & { readonly memo: ScanMemo },
): Promise<Alert[]> {
  const limit = options.overdueLimit ?? DEFAULT_OVERDUE_LIMIT;
  const candidates = await overdueCandidates(ctx.db, now, { memo: options.memo, limit });
  if (candidates.length === 0) return [];
  const raised = await ctx.alerts.raise(candidates);
  ScanMemo.remember(
    options.memo.overdue,
    candidates.map((candidate) => candidate.subjectId),
  );
  return raised;
}

async function raiseHeldPatterns(
  ctx: ScanContext,
  now: Date,
  options: AlertScanOptions & { readonly memo: ScanMemo },
): Promise<Alert[]> {
  const reader = new KyselyHeldPatternReader(ctx.db);
  const passingRefreshMs = options.passingRefreshMs ?? DEFAULT_PASSING_REFRESH_MS;
  const findings = await heldPatternFindings(reader, now, { memo: options.memo, passingRefreshMs });
  if (findings.length === 0) return [];
  const raised = await ctx.alerts.raise(findings.map((finding) => finding.candidate));
  ScanMemo.remember(
    options.memo.patterns,
    findings.map((finding) => finding.scopeKey),
  );
  return raised;
}

/**
 * Runs every scan once as of `now`. Never throws: a failing part is logged and named in
 * `failed`. Tests call it directly; the module's timer calls it every interval.
 *
 * @example const { raised } = await runScanOnce(ctx, ctx.now())
 */
export async function runScanOnce(
  ctx: ScanContext,
  now: Date,
  options: AlertScanOptions = {},
): Promise<ScanReport> {
  const withMemo = { ...options, memo: options.memo ?? new ScanMemo() };
  const failed: string[] = [];
  const part = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      failed.push(name);
      ctx.logError(error, `${name} scan`);
      return undefined;
    }
  };
  const overdue = await part('overdue', () => raiseOverdue(ctx, now, withMemo));
  const grace = options.welfareGraceHours ?? DEFAULT_WELFARE_GRACE_HOURS;
  const welfare = await part('welfare', () => scanMissedWelfare(ctx, now, grace));
  const patterns = await part('held pattern', () => raiseHeldPatterns(ctx, now, withMemo));
  const days = options.disappearanceDays ?? DEFAULT_DISAPPEARANCE_DAYS;
  const disappeared = await part('disappearance', async () => {
    const cases = await possibleDisappearances(ctx.db, now, days);
    if (cases.length === 0) return { ids: [], raised: [] };
    const raised = await ctx.alerts.raise(
      cases.map((heldCase) => possibleEnforcedDisappearance(heldCase, now)),
    );
    return { ids: cases.map((heldCase) => heldCase.id), raised };
  });
  return {
    raised: [
      ...(overdue ?? []),
      ...(welfare?.raised ?? []),
      ...(patterns ?? []),
      ...(disappeared?.raised ?? []),
    ],
    missedContacts: welfare?.marked ?? 0,
    possibleDisappearances: disappeared?.ids ?? [],
    failed,
  };
}
