import type { Command } from 'commander';
import { isRole, ROLES } from '../auth/roles.ts';
import { KyselyTokenRepository } from '../auth/token.kysely.ts';
import { TokenService } from '../auth/token.service.ts';
import { openData } from './open-data.ts';
import { UsageError } from './cli-error.ts';

/** `vigil token create`: issues a bearer token and prints it once, as the last line. */
export function registerToken(program: Command): void {
  program
    .command('token')
    .description('bearer tokens for partners and devices')
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .option('--data <dir>', 'data directory', 'data')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--name <name>', 'who holds the token (an organisation or device)')
    .action(async (options: { data: string; role: string; name: string }) => {
      if (!isRole(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const data = await openData(options.data);
      try {
        const tokens = new TokenService(new KyselyTokenRepository(data.database.db));
        const { id, token } = await tokens.createToken({ name: options.name, role: options.role });
        process.stderr.write(`token ${id} for ${options.name} (${options.role}); store it now:\n`);
        process.stdout.write(`${token}\n`);
      } finally {
        await data.close();
      }
    });
}
