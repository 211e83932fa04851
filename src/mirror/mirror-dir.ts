// The mirror directory: static tlog-tiles files that any web server, object store or CDN
// serves as they are. Readers may fetch at any moment, so nothing appears at a served path
// until the whole update has been verified: new files are written to a hidden staging
// directory first (each flushed to disk), then renamed into place one by one (a rename within
// one file system is atomic), and the checkpoint is renamed last. A reader therefore never
// sees a checkpoint whose tiles are missing, nor a torn file.
import { open, mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { utf8 } from '../ledger/bytes.ts';
import { openLogSource } from '../verifier/log-source.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { MirrorError } from './mirror-error.ts';

/** Files being prepared; a dot directory, so common static servers do not serve it. */
const STAGING = '.mirror-staging';
/** Held while a run owns the directory: two runs at once would interleave their renames. */
const LOCK = '.mirror.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Takes the lock file, or takes over one left by a process that no longer exists (a mirror
// killed mid-run); a live holder is refused.
async function takeLock(root: string): Promise<void> {
  const file = join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new MirrorError('MIRROR_LOCKED', `another mirror (pid ${holder}) is updating ${root}`);
    }
    await unlink(file).catch(() => undefined);
  }
  throw new MirrorError('MIRROR_LOCKED', `cannot lock ${root}`);
}

/** A locked mirror directory and its staging area. */
export class MirrorDirectory {
  /** The mirror read back as a log, like any other source. */
  readonly source: LogSource;
  readonly #root: string;
  #staged: string[] = [];

  private constructor(root: string) {
    this.#root = root;
    this.source = openLogSource(root);
  }

  /**
   * Creates `root` if needed, locks it, and clears what an interrupted run left in staging.
   *
   * @example
   * const mirror = await MirrorDirectory.open('/srv/www/log');
   */
  static async open(root: string): Promise<MirrorDirectory> {
    await mkdir(root, { recursive: true });
    await takeLock(root);
    await rm(join(root, STAGING), { recursive: true, force: true });
    return new MirrorDirectory(root);
  }

  /** Writes `data` for `path` (relative to the log prefix) into staging, not yet visible. */
  async stage(path: string, data: Uint8Array): Promise<void> {
    await writeDurably(join(this.#root, STAGING, ...path.split('/')), data);
    this.#staged.push(path);
  }

  /** How many files are staged. */
  get stagedCount(): number {
    return this.#staged.length;
  }

  /**
   * Moves every staged file into place, then the checkpoint: the checkpoint only ever names
   * files that are already there.
   */
  async publish(checkpointNote: string): Promise<void> {
    for (const path of this.#staged) {
      const target = join(this.#root, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await rename(join(this.#root, STAGING, ...path.split('/')), target);
    }
    this.#staged = [];
    const staged = join(this.#root, STAGING, 'checkpoint');
    await writeDurably(staged, utf8(checkpointNote));
    await rename(staged, join(this.#root, 'checkpoint'));
    // Make the renames themselves durable: the directory entry of the checkpoint is what a
    // crash could otherwise lose.
    const directory = await open(this.#root, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  /**
   * Deletes the partial versions (`<path>.p/`) of tiles and bundles that are now full:
   * C2SP tlog-tiles lets a log drop a partial tile once the full one is available, and a
   * mirror that never did would keep up to 255 stale copies of every tile.
   */
  async prunePartials(fullPaths: readonly string[]): Promise<void> {
    for (const path of fullPaths) {
      await rm(join(this.#root, ...`${path}.p`.split('/')), { recursive: true, force: true });
    }
  }

  /** Drops whatever is staged (a refused or interrupted update): nothing visible changes. */
  async discard(): Promise<void> {
    this.#staged = [];
    await rm(join(this.#root, STAGING), { recursive: true, force: true });
  }

  /** Discards staging and releases the lock. */
  async close(): Promise<void> {
    await this.discard();
    await unlink(join(this.#root, LOCK)).catch(() => undefined);
  }
}
