// The oversight slice of the passage domain: reconciliation, welfare contacts (staff and the
// household's own portal check-in), and the background work — the alert scans every few seconds
// and the daily retention run.
import type { PassageContext, PassageModule } from '../passage-context.ts';
import { ReconciliationService } from './reconciliation/reconciliation.service.ts';
import { registerReconciliationRoutes } from './reconciliation/reconciliation.routes.ts';
import { applyRetention, RETENTION_INTERVAL_MS } from './retention/retention.job.ts';
import { runScanOnce } from './scans/alert-scan.ts';
import type { AlertScanOptions } from './scans/alert-scan.ts';
import { startRepeatingJob } from './scans/repeating-job.ts';
import { ScanMemo } from './scans/scan-memo.ts';
import {
  DEFAULT_CHECK_IN_RATE_LIMIT,
  registerPortalCheckInRoute,
} from './welfare/portal-check-in.routes.ts';
import type { CheckInRateLimit } from './welfare/portal-check-in.routes.ts';
import { WelfareContactService } from './welfare/welfare-contact.service.ts';
import { registerWelfareContactRoutes } from './welfare/welfare-contact.routes.ts';

/** The default scan interval: four ticks a minute keep every alert within 60 s of its cause. */
export const DEFAULT_SCAN_INTERVAL_MS = 15_000;
/** The longest interval accepted: beyond it an alert could come later than 60 s. */
export const MAX_SCAN_INTERVAL_MS = 45_000;
/** The first retention run comes this long after start, off the start-up path. */
export const RETENTION_FIRST_DELAY_MS = 60_000;

/** The tunables of the oversight slice; unset ones have defaults. */
export interface OversightOptions {
  /** Scan interval in ms; default VIGIL_SCAN_INTERVAL_MS, else DEFAULT_SCAN_INTERVAL_MS. */
  readonly scanIntervalMs?: number;
  readonly scan?: Omit<AlertScanOptions, 'memo'>;
  readonly checkInRateLimit?: CheckInRateLimit;
  /** Where VIGIL_SCAN_INTERVAL_MS is read; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The scan interval: `configured`, else the environment's VIGIL_SCAN_INTERVAL_MS, else the
 * default. A value that is not a whole number of ms in [100, MAX_SCAN_INTERVAL_MS] is refused
 * (logged) for the default, so a typo cannot silence the alerts.
 *
 * @example scanIntervalOf(undefined, { VIGIL_SCAN_INTERVAL_MS: '5000' }, logError) // 5000
 */
export function scanIntervalOf(
  configured: number | undefined,
  env: Readonly<Record<string, string | undefined>>,
  logError: PassageContext['logError'],
): number {
  const text = env['VIGIL_SCAN_INTERVAL_MS'];
  const value = configured ?? (text === undefined ? undefined : Number(text));
  if (value === undefined) return DEFAULT_SCAN_INTERVAL_MS;
  if (Number.isSafeInteger(value) && value >= 100 && value <= MAX_SCAN_INTERVAL_MS) return value;
  logError(
    new RangeError(`scan interval ${String(value)} ms is outside [100, ${MAX_SCAN_INTERVAL_MS}]`),
    'scan interval',
  );
  return DEFAULT_SCAN_INTERVAL_MS;
}

/**
 * The oversight module with `options`; `oversightModule` is the one the server wires.
 *
 * @example createOversightModule({ scanIntervalMs: 1000 })
 */
export function createOversightModule(options: OversightOptions = {}): PassageModule {
  return {
    registerRoutes(app, ctx) {
      registerReconciliationRoutes(app, new ReconciliationService(ctx));
      const welfare = new WelfareContactService(ctx);
      registerWelfareContactRoutes(app, welfare);
      registerPortalCheckInRoute(app, {
        service: welfare,
        rateLimit: options.checkInRateLimit ?? DEFAULT_CHECK_IN_RATE_LIMIT,
      });
    },
    start(ctx) {
      const memo = new ScanMemo();
      const stopScans = startRepeatingJob({
        what: 'alert scan',
        intervalMs: scanIntervalOf(
          options.scanIntervalMs,
          options.env ?? process.env,
          ctx.logError,
        ),
        run: () => runScanOnce(ctx, ctx.now(), { ...options.scan, memo }),
        logError: ctx.logError,
      });
      const stopRetention = startRepeatingJob({
        what: 'retention',
        intervalMs: RETENTION_INTERVAL_MS,
        firstDelayMs: RETENTION_FIRST_DELAY_MS,
        run: () => applyRetention(ctx, ctx.now()),
        logError: ctx.logError,
      });
      return async () => {
        await Promise.all([stopScans(), stopRetention()]);
      };
    },
  };
}

/** The oversight slice of the passage domain (routes and background work). */
export const oversightModule: PassageModule = createOversightModule();
