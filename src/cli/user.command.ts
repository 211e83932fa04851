import type { Command } from 'commander';
import { isStaffRole, STAFF_ROLES } from '../auth/roles.ts';
import { KyselyStaffRepository } from '../auth/staff.kysely.ts';
import { StaffService } from '../auth/staff.service.ts';
import type { NewStaffUser } from '../auth/staff.service.ts';
import { openData } from './open-data.ts';
import { UsageError } from './cli-error.ts';

/** The lines that tell a new account's holder how to sign in (nothing of it is stored in clear). */
export function formatStaffCredentials(user: NewStaffUser): string {
  return [
    `name:        ${user.name}`,
    `role:        ${user.role}`,
    `password:    ${user.password}`,
    `TOTP secret: ${user.totpSecret}`,
    `TOTP URI:    ${user.totpUri}`,
    '',
  ].join('\n');
}

/**
 * Prints the first-run admin's credentials to `out`, framed so they cannot be missed: they are
 * shown this once and stored only hashed and sealed.
 *
 * @example if (vigil.firstAdmin) printFirstAdmin(vigil.firstAdmin, process.stderr)
 */
export function printFirstAdmin(admin: NewStaffUser, out: NodeJS.WritableStream): void {
  const rule = '='.repeat(78);
  out.write(
    `${rule}\nFIRST START: an admin account was created. Write these down now; they are shown\n` +
      `only once. Enrol the TOTP secret in an authenticator app, sign in, then create the\n` +
      `other accounts (vigil user add, or POST /api/v1/users).\n\n` +
      `${formatStaffCredentials(admin)}${rule}\n`,
  );
}

/** `vigil user add`: creates a staff account and prints its credentials once. */
export function registerUser(program: Command): void {
  program
    .command('user')
    .description('staff accounts (password + TOTP)')
    .command('add')
    .description('create a staff account; its password and TOTP secret are printed once')
    .option('--data <dir>', 'data directory', 'data')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`)
    .requiredOption('--name <name>', 'login name: 1 to 64 of a-z 0-9 . _ -')
    .action(async (options: { data: string; role: string; name: string }) => {
      if (!isStaffRole(options.role)) {
        throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
      }
      const data = await openData(options.data);
      try {
        const staff = new StaffService({
          repository: new KyselyStaffRepository(data.database.db),
          secretBox: data.keyring.createSecretBox(),
        });
        const user = await staff.addUser({ name: options.name, role: options.role });
        // A refusal (DomainError: taken name, bad name) exits 2 through the CLI's coded errors.
        process.stdout.write(formatStaffCredentials(user));
      } finally {
        await data.close();
      }
    });
}
