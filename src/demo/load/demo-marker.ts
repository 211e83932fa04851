// The marker of a data directory built by `vigil demo`: DATA/demo.json says the dataset is
// SYNTHETIC (the server labels every response with it, through isSyntheticDemo) and which
// scenario it holds, so a second
// `vigil demo` on the same directory serves it instead of rebuilding, and a directory holding
// anything else is never written to. Written with state 'building' before the first byte of
// data, and 'complete' once everything is loaded, so an interrupted build is recognised.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ScenarioTotals } from '../scenario.types.ts';

/** File name of the marker inside the data directory. */
export const DEMO_MARKER_FILE = 'demo.json';

/** The value of the `x-vigil-dataset` header and of GET /'s `dataset` for the demo. */
export const DEMO_DATASET = 'synthetic-demo';

const markerSchema = z.object({
  synthetic: z.literal(true),
  dataset: z.literal(DEMO_DATASET),
  generator: z.string(),
  /** The scenario seed, as text (`--seed 2023` and `--seed '2023'` are one seed). */
  seed: z.string(),
  scale: z.number(),
  start: z.string(),
  state: z.enum(['building', 'complete']),
  builtAt: z.string(),
  totals: z.record(z.string(), z.unknown()).optional(),
});

/** What DATA/demo.json holds. */
export type DemoMarker = z.infer<typeof markerSchema>;

/** What a data directory holds, as far as `vigil demo` is concerned. */
export type DataDirState =
  { kind: 'empty' } | { kind: 'demo'; marker: DemoMarker } | { kind: 'other'; reason: string };

/**
 * The demo marker of `dataDir`, or undefined when there is none (or it is not a demo marker).
 *
 * @example readDemoMarker('.vigil-demo')?.synthetic // true for a demo directory
 */
export function readDemoMarker(dataDir: string): DemoMarker | undefined {
  const path = join(dataDir, DEMO_MARKER_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `dataDir` holds the synthetic demo (complete or not): the server then labels every
 * response `x-vigil-dataset: synthetic-demo`.
 *
 * @example if (isSyntheticDemo(dataDir)) appOptions.dataset = DEMO_DATASET;
 */
export function isSyntheticDemo(dataDir: string): boolean {
  return readDemoMarker(dataDir) !== undefined;
}

/**
 * Whether `dataDir` is missing or empty, holds the demo, or holds something else.
 *
 * @example inspectDataDir('.vigil-demo') // { kind: 'empty' } on a fresh clone
 */
export function inspectDataDir(dataDir: string): DataDirState {
  if (!existsSync(dataDir)) return { kind: 'empty' };
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return { kind: 'other', reason: 'it is not a readable directory' };
  }
  if (entries.length === 0) return { kind: 'empty' };
  const marker = readDemoMarker(dataDir);
  if (marker === undefined) {
    return { kind: 'other', reason: `it holds data and no ${DEMO_MARKER_FILE}` };
  }
  return { kind: 'demo', marker };
}

/** Writes the marker (readable by all: it holds no secret). */
export function writeDemoMarker(dataDir: string, marker: DemoMarker): void {
  writeFileSync(join(dataDir, DEMO_MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`, {
    mode: 0o644,
  });
}

/** The marker of a build of `scenario` starting now. */
export function buildingMarker(meta: {
  generator: string;
  seed: number | string;
  scale: number;
  start: string;
}): DemoMarker {
  return {
    synthetic: true,
    dataset: DEMO_DATASET,
    generator: meta.generator,
    seed: String(meta.seed),
    scale: meta.scale,
    start: meta.start,
    state: 'building',
    builtAt: new Date().toISOString(),
  };
}

/** The marker once the build finished, with the scenario's ground truth. */
export function completeMarker(
  marker: DemoMarker,
  totals: ScenarioTotals & Readonly<Record<string, unknown>>,
): DemoMarker {
  return { ...marker, state: 'complete', builtAt: new Date().toISOString(), totals: { ...totals } };
}
