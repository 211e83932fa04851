// The demo's accounts, so a newcomer can sign in as every role: staff accounts (password + TOTP)
// for admin, coordinator, analyst, monitor and hotline, partner bearer tokens, and a monitor's
// device with a fresh Ed25519 key. The credentials are kept in DATA/demo-accounts.json (0600):
// a second `vigil demo` prints them again. Acceptable for synthetic data only — a real
// deployment never keeps a password or a TOTP secret in clear.
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isStaffRole } from '../../auth/roles.ts';
import type { NewStaffUser } from '../../auth/staff.service.ts';
import type { Vigil } from '../../server/open-vigil.ts';
import type { DemoStaffMember } from '../scenario.types.ts';
import type { LookupSample } from './households.loader.ts';

/** File of the demo's credentials in the data directory. */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';
/** File of the demo device's private key (PKCS #8 PEM, 0600). */
export const DEMO_DEVICE_KEY_FILE = 'demo-device.key';

const staffSchema = z.object({
  login: z.string(),
  name: z.string(),
  role: z.string(),
  id: z.string(),
  password: z.string(),
  totpSecret: z.string(),
  totpUri: z.string(),
});
const credentialsSchema = z.object({
  staff: z.array(staffSchema),
  partners: z.array(z.object({ name: z.string(), token: z.string() })),
  device: z.object({ id: z.string(), token: z.string(), keyFile: z.string(), owner: z.string() }),
  lookup: z.object({ referenceCode: z.string(), birthYear: z.number() }).optional(),
});

/** Everything a newcomer needs to sign in to the demo. */
export type DemoCredentials = z.infer<typeof credentialsSchema>;

/** One staff account as printed. */
export type DemoStaffAccount = DemoCredentials['staff'][number];

function account(member: DemoStaffMember, user: NewStaffUser): DemoStaffAccount {
  const { id, password, totpSecret, totpUri } = user;
  return {
    login: user.name,
    name: member.name,
    role: user.role,
    id,
    password,
    totpSecret,
    totpUri,
  };
}

async function createStaff(vigil: Vigil, staff: readonly DemoStaffMember[]) {
  const admin = vigil.firstAdmin;
  if (admin === undefined) throw new Error('the demo database already has staff accounts');
  // The first admin exists from the first start (login 'admin'): it is the demo's admin.
  const created = await Promise.all(
    staff.flatMap((member) => {
      const role = member.role;
      if (role === 'admin' || !isStaffRole(role)) return [];
      return [vigil.staff.addUser({ name: member.login, role }).then((u) => account(member, u))];
    }),
  );
  const adminMember = staff.find((member) => member.role === 'admin');
  const adminName = adminMember?.name ?? 'Demo admin';
  return [account({ login: admin.name, name: adminName, role: 'admin' }, admin), ...created];
}

/** A new device key pair and the raw public key the device registration takes. */
function deviceKeys(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { privateKey, publicKey: raw.toString('base64') };
}

/**
 * Creates the demo accounts in a fresh Vigil; returns them with the device's private key.
 *
 * @example const { credentials, deviceKey } = await createDemoAccounts(vigil, scenario.staff, dir);
 */
export async function createDemoAccounts(
  vigil: Vigil,
  staff: readonly DemoStaffMember[],
  dataDir: string,
): Promise<{ credentials: DemoCredentials; deviceKey: KeyObject }> {
  const accounts = await createStaff(vigil, staff);
  const partners = await Promise.all(
    staff
      .filter((member) => member.role === 'partner')
      .map(async (member) => ({
        name: member.name,
        token: (await vigil.tokens.createToken({ name: member.name, role: 'partner' })).token,
      })),
  );
  const monitor = accounts.find((a) => a.role === 'monitor');
  if (monitor === undefined) throw new Error('the demo staff has no monitor');
  const keys = deviceKeys();
  const owner = { tokenId: 'demo-setup', name: monitor.login, role: 'monitor' as const };
  const device = await vigil.devices.register(
    { ...owner, kind: 'session', userId: monitor.id },
    { name: 'Demo monitor tablet (synthetic)', publicKey: keys.publicKey },
  );
  const keyFile = join(dataDir, DEMO_DEVICE_KEY_FILE);
  const pem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeFileSync(keyFile, pem, { mode: 0o600 });
  const credentials: DemoCredentials = {
    staff: accounts,
    partners,
    device: { id: device.deviceId, token: device.token, keyFile, owner: monitor.login },
  };
  return { credentials, deviceKey: keys.privateKey };
}

/** Keeps the credentials (and the look-up sample) for later runs, readable by the owner only. */
export function saveDemoCredentials(
  dataDir: string,
  credentials: DemoCredentials,
  lookup: LookupSample | undefined,
): DemoCredentials {
  const saved = lookup === undefined ? credentials : { ...credentials, lookup };
  const path = join(dataDir, DEMO_ACCOUNTS_FILE);
  writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return saved;
}

/** The saved credentials of a built demo, if readable. */
export function readDemoCredentials(dataDir: string): DemoCredentials | undefined {
  const path = join(dataDir, DEMO_ACCOUNTS_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
