import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/vigil.ts', import.meta.url));

/** A `vigil witness` running in its own process. */
export interface WitnessProcess {
  child: ChildProcess;
  /** The submission prefix, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The witness's verifier key, as printed at start. */
  verifierKey: string;
}

/**
 * Starts `vigil witness --port 0 …args` as a separate process, as an operator runs it, and
 * resolves once it prints its address and verifier key.
 */
export async function startWitnessProcess(args: readonly string[]): Promise<WitnessProcess> {
  const child = spawn(process.execPath, [BIN, 'witness', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, VIGIL_LOG_LEVEL: 'warn' },
  });
  const started = await new Promise<{ url: string; verifierKey: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const verifierKey = /witness verifier key: (\S+)\n/.exec(out)?.[1];
      if (url !== undefined && verifierKey !== undefined) resolve({ url, verifierKey });
    });
    child.once('exit', (code) => {
      reject(new Error(`witness exited with ${String(code)}`));
    });
  });
  return { child, ...started };
}

/** Kills `child` with SIGKILL and waits for it to be gone. */
export async function killNow(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
