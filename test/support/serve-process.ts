import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/vigil.ts', import.meta.url));

/** A `vigil serve` running in its own process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far: its own log. */
  output(): string;
  /** SIGTERM, then wait for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `vigil serve --data dataDir --port 0 …extra` as a separate process (a real server, as
 * an operator runs it) and resolves once it prints the address it listens on. Its log level is
 * `warn` unless `logLevel` says otherwise (the canary test reads an `info` log).
 */
export async function startServerProcess(
  dataDir: string,
  extra: readonly string[] = [],
  options: { logLevel?: string } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--data', dataDir, '--port', '0', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIL_LOG_LEVEL: options.logLevel ?? 'warn' },
    },
  );
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { child, url, output: () => out, stop };
}
