// A data directory built by `vigil demo` carries DATA/demo.json. The server reads it to label
// every answer as synthetic; the demo command writes it once the build is complete.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker file's name inside the data directory. */
export const DEMO_MARKER_FILE = 'demo.json';

/** What the marker records about the demo build. */
export interface DemoMarker {
  synthetic: true;
  seed: string;
  scale: number;
  builtAt: string;
}

/** True when `dataDir` holds a (complete) synthetic demo. */
export function isDemoDataDir(dataDir: string): boolean {
  return readDemoMarker(dataDir) !== undefined;
}

/** The marker of `dataDir`, if it holds a well-formed one. */
export function readDemoMarker(dataDir: string): DemoMarker | undefined {
  const path = join(dataDir, DEMO_MARKER_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const marker = value as Partial<DemoMarker>;
    if (marker.synthetic !== true || typeof marker.seed !== 'string') return undefined;
    if (typeof marker.scale !== 'number' || typeof marker.builtAt !== 'string') return undefined;
    return { synthetic: true, seed: marker.seed, scale: marker.scale, builtAt: marker.builtAt };
  } catch {
    return undefined;
  }
}

/** Marks `dataDir` as a complete synthetic demo. */
export function writeDemoMarker(dataDir: string, marker: DemoMarker): void {
  writeFileSync(join(dataDir, DEMO_MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`, {
    mode: 0o600,
  });
}
