// What the monitoring loader's parts share: a write at a scenario time, and the look-ups from
// the generator's ids and logins to what the services created.
import type { PassageContext } from '../../passage/passage-context.ts';
import type { SealLog } from '../../seal/sealer.ts';
import type { MonitoringScenario } from '../monitoring/monitoring.types.ts';
import type { Party } from '../scenario.types.ts';

/**
 * One write at one scenario time. `run` gets a context whose clock (and sealer) read `at`, so
 * steps can run side by side; `keys` name the records it writes and `needs` those it reads, so
 * that no step runs beside another it depends on.
 */
export interface Step {
  readonly at: string;
  readonly keys: readonly string[];
  readonly needs: readonly string[];
  readonly run: (context: PassageContext) => Promise<void>;
}

/** What the monitoring loader needs beside the load context. */
export interface MonitoringLoad {
  readonly monitoring: MonitoringScenario;
  readonly parties: readonly Party[];
  /** Demo staff ids by login. */
  readonly staffIds: ReadonlyMap<string, string>;
  /** The staff id of the demo device's owner (device captures are theirs). */
  readonly deviceOwnerId: string;
  /** The log the steps' sealers append to (the server's sequencer). */
  readonly sealLog: SealLog;
}

/** Ids the services gave, by the generator's ids; filled as the steps run. */
export interface LoadedIds {
  readonly sources: Map<string, string>;
  readonly patrols: Map<string, string>;
  readonly incidents: Map<string, string>;
  readonly commitments: Map<string, string>;
  /** Partner token ids by partner name. */
  readonly partners: Map<string, string>;
}

/** Look-ups shared by the steps. */
export interface Loader {
  readonly ids: LoadedIds;
  staff(login: string): string;
  partyName(partyId: string): string;
}

/** A fresh loader over `input`; `fallbackStaff` stands in for an unknown login. */
export function newLoader(input: MonitoringLoad, fallbackStaff: string): Loader {
  return {
    ids: {
      sources: new Map(),
      patrols: new Map(),
      incidents: new Map(),
      commitments: new Map(),
      partners: new Map(),
    },
    staff: (login) => input.staffIds.get(login) ?? fallbackStaff,
    partyName: (partyId) => input.parties.find((p) => p.id === partyId)?.name ?? 'unknown party',
  };
}

/** The id a service gave to generated id `id` (throws when it was never loaded). */
export function loadedId(ids: ReadonlyMap<string, string>, id: string, what: string): string {
  const loaded = ids.get(id);
  if (loaded === undefined) throw new Error(`demo: ${what} ${id} was not loaded before use`);
  return loaded;
}
