import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { after } from 'node:test';
import { STAFF_ROLES } from '../../src/auth/roles.ts';
import type { CredentialKind, Role, StaffRole } from '../../src/auth/roles.ts';
import type { NewStaffUser } from '../../src/auth/staff.service.ts';
import { totpCode } from '../../src/auth/totp.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/route-policy.ts';
import { parseVerifierKey } from '../../src/ledger/note-keys.ts';
import type { VerifierKey } from '../../src/ledger/note-keys.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import type { Vigil, VigilOptions } from '../../src/server/open-vigil.ts';
import { tempDir } from './temp-dir.ts';

/** A signed-in staff member: the account's credentials and a live session. */
export interface TestStaff extends NewStaffUser {
  sessionToken: string;
  /** Cookie and CSRF header: what a browser of this session sends. */
  headers: Record<string, string>;
}

/** One way of calling the API, for tests that walk every role. */
export interface TestCredential {
  label: string;
  role: Role;
  kind: CredentialKind;
  headers: Record<string, string>;
}

/** A registered device of the monitor, with its signing key. */
export interface TestDevice {
  id: string;
  token: string;
  privateKey: KeyObject;
}

/** A Vigil in a temporary directory with one credential per role the tests need. */
export interface TestVigil {
  vigil: Vigil;
  dataDir: string;
  logKey: VerifierKey;
  /** API tokens (`vgl_…`). */
  partnerToken: string;
  monitorToken: string;
  residentToken: string;
  /** One signed-in account per staff role. */
  staff: Record<StaffRole, TestStaff>;
  /** A device registered by staff.monitor. */
  device: TestDevice;
  /** Every credential above, labelled: each staff session, each API token, the device. */
  credentials: readonly TestCredential[];
  /** Creates a fresh account (not signed in); names are unique per call. */
  newStaff(role: StaffRole): Promise<NewStaffUser>;
}

/** The current TOTP code of `secret`. */
export function totpNow(secret: string): string {
  return totpCode(secret);
}

/** What a browser holding session `token` sends with a request (cookie and CSRF header). */
export function sessionHeaders(token: string): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: '1' };
}

/** The raw 32-byte Ed25519 public key of `publicKey`, base64. */
export function rawPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
}

let staffCount = 0;

async function signedInStaff(vigil: Vigil, user: NewStaffUser): Promise<TestStaff> {
  const session = await vigil.staff.signIn({
    name: user.name,
    password: user.password,
    totp: totpNow(user.totpSecret),
  });
  return { ...user, sessionToken: session.token, headers: sessionHeaders(session.token) };
}

async function registerDevice(vigil: Vigil, monitor: TestStaff): Promise<TestDevice> {
  const principal = await vigil.staff.authenticateSession(monitor.sessionToken);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { deviceId, token } = await vigil.devices.register(principal, {
    name: 'monitor tablet',
    publicKey: rawPublicKey(publicKey),
  });
  return { id: deviceId, token, privateKey };
}

function credentialsOf(test: Omit<TestVigil, 'credentials' | 'newStaff' | 'vigil'>) {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const credentials: TestCredential[] = STAFF_ROLES.map((role) => ({
    label: `${role} session`,
    role,
    kind: 'session',
    headers: test.staff[role].headers,
  }));
  credentials.push(
    { label: 'partner token', role: 'partner', kind: 'token', headers: bearer(test.partnerToken) },
    {
      label: 'resident token',
      role: 'resident',
      kind: 'token',
      headers: bearer(test.residentToken),
    },
    { label: 'monitor token', role: 'monitor', kind: 'token', headers: bearer(test.monitorToken) },
    {
      label: 'monitor device',
      role: 'monitor',
      kind: 'device',
      headers: bearer(test.device.token),
    },
  );
  return credentials;
}

/** Opens a Vigil for a test file; closed when the file ends. */
export async function openTestVigil(options: Partial<VigilOptions> = {}): Promise<TestVigil> {
  const dataDir = options.dataDir ?? tempDir();
  const vigil = await openVigil({
    origin: 'test.example/log',
    signInRateLimit: { max: 10_000, timeWindowMs: 60_000 },
    ...options,
    dataDir,
  });
  after(async () => {
    await vigil.close();
  });
  const newStaff = (role: StaffRole) =>
    vigil.staff.addUser({ name: `${role}-${String(++staffCount)}`, role });
  const partner = await vigil.tokens.createToken({ name: 'partner ngo', role: 'partner' });
  const monitor = await vigil.tokens.createToken({ name: 'monitor device', role: 'monitor' });
  const resident = await vigil.tokens.createToken({ name: 'resident', role: 'resident' });
  const accounts = await Promise.all(
    STAFF_ROLES.map(async (role) => signedInStaff(vigil, await newStaff(role))),
  );
  const staff = Object.fromEntries(accounts.map((account) => [account.role, account]));
  const base = {
    dataDir,
    logKey: parseVerifierKey(vigil.verifierKey),
    partnerToken: partner.token,
    monitorToken: monitor.token,
    residentToken: resident.token,
    staff: staff as Record<StaffRole, TestStaff>,
    device: await registerDevice(vigil, staff['monitor'] as TestStaff),
  };
  return { vigil, ...base, credentials: credentialsOf(base), newStaff };
}
