// The `vigil` command line. Each command lives in its own file; this one wires them and turns
// failures into exit codes: 0 success, 1 verification failed, 2 usage or I/O error.
import { Command, CommanderError } from 'commander';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { SourceError } from '../verifier/log-source.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { UsageError } from './cli-error.ts';
import { registerBackup } from './backup.command.ts';
import { registerDemo } from './demo.command.ts';
import { registerEvidence } from './evidence.command.ts';
import { registerKeygen } from './keygen.command.ts';
import { registerLog } from './log.command.ts';
import { registerRetention } from './retention.command.ts';
import { registerServe } from './serve.command.ts';
import { registerToken } from './token.command.ts';
import { registerUser } from './user.command.ts';
import { registerVerify } from './verify.command.ts';
import { registerVerifyPackage } from './verify-package.command.ts';
import { registerWitness } from './witness.command.ts';

function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil: the information system of a neutral monitoring mission')
    .exitOverride()
    .showHelpAfterError();
  registerServe(program);
  registerDemo(program);
  registerKeygen(program);
  registerLog(program);
  registerToken(program);
  registerRetention(program);
  registerBackup(program);
  registerUser(program);
  registerVerify(program);
  registerVerifyPackage(program);
  registerEvidence(program);
  registerWitness(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof VerificationError) {
    process.stderr.write(`FAILED ${error.message}\n`);
    return 1;
  }
  if (error instanceof UsageError || error instanceof SourceError || isLedgerError(error)) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`error: ${error.message}${cause}\n`);
    return 2;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  throw error;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}
