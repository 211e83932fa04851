import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { AppDatabase } from '../store/open-database.ts';
import { Keyring } from '../people/keyring.ts';
import { KyselyStaffRepository } from './staff.kysely.ts';
import { SESSION_LIFETIME_MS, StaffService } from './staff.service.ts';
import { totpCode } from './totp.ts';

const START = Date.parse('2025-03-01T08:00:00Z');

function setup(database: AppDatabase) {
  const clock = { ms: START };
  const staff = new StaffService({
    repository: new KyselyStaffRepository(database.db),
    secretBox: new Keyring(randomBytes(32)).createSecretBox(),
    now: () => new Date(clock.ms),
  });
  return { staff, clock, db: database.db };
}

function refusedAs(code: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

describeOnBothDatabases('StaffService', (open) => {
  it('creates an account whose secrets are stored only hashed and sealed', async () => {
    const { staff, db } = setup(await open());
    const user = await staff.addUser({ name: '  Ana.Monitor ', role: 'monitor' });
    assert.equal(user.name, 'ana.monitor');
    assert.ok(user.password.length >= 24);
    assert.match(user.totpSecret, /^[A-Z2-7]{32}$/);
    assert.match(user.totpUri, /^otpauth:\/\/totp\/Vigil:ana\.monitor\?/);
    assert.match(user.totpUri, /secret=[A-Z2-7]{32}/);
    const row = await db.selectFrom('staff_user').selectAll().executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(!row.password_hash.includes(user.password));
    assert.ok(row.totp_secret_sealed.startsWith('v1.'));
    assert.ok(!row.totp_secret_sealed.includes(user.totpSecret));
  });

  it('keeps a chosen password and refuses short ones, bad names and taken names', async () => {
    const { staff } = setup(await open());
    const user = await staff.addUser({
      name: 'lead',
      role: 'coordinator',
      password: 'x'.repeat(12),
    });
    assert.equal(user.password, 'x'.repeat(12));
    const tries: [Parameters<StaffService['addUser']>[0], string][] = [
      [{ name: 'other', role: 'analyst', password: 'short' }, 'invalid_request'],
      [{ name: 'other', role: 'analyst', password: 'x'.repeat(257) }, 'invalid_request'],
      [{ name: 'has space', role: 'analyst' }, 'invalid_request'],
      [{ name: '', role: 'analyst' }, 'invalid_request'],
      [{ name: 'x'.repeat(65), role: 'analyst' }, 'invalid_request'],
      [{ name: 'LEAD', role: 'analyst' }, 'conflict'],
    ];
    for (const [input, code] of tries) {
      await assert.rejects(staff.addUser(input), refusedAs(code), input.name);
    }
    assert.deepEqual(
      (await staff.listUsers()).map((u) => u.name),
      ['lead'],
    );
  });

  it('signs in with the right password and code and authenticates the session', async () => {
    const { staff } = setup(await open());
    const user = await staff.addUser({ name: 'hotline1', role: 'hotline' });
    const session = await staff.signIn({
      name: 'HOTLINE1',
      password: user.password,
      totp: totpCode(user.totpSecret, START),
    });
    assert.match(session.token, /^vgs_[A-Za-z0-9_-]{43}$/);
    assert.equal(session.expiresAt, new Date(START + SESSION_LIFETIME_MS).toISOString());
    const principal = await staff.authenticateSession(session.token);
    assert.deepEqual(principal, session.principal);
    assert.equal(principal.kind, 'session');
    assert.equal(principal.role, 'hotline');
    assert.equal(principal.userId, user.id);
  });

  it('refuses a wrong password, a wrong code, an unknown name and a disabled user alike', async () => {
    const { staff, db } = setup(await open());
    const user = await staff.addUser({ name: 'an', role: 'analyst' });
    const code = totpCode(user.totpSecret, START);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const attempts = [
      { name: 'an', password: user.password + 'x', totp: code },
      { name: 'an', password: user.password, totp: wrongCode },
      { name: 'an', password: user.password, totp: '12345' },
      { name: 'nobody', password: user.password, totp: code },
    ];
    for (const attempt of attempts) {
      await assert.rejects(staff.signIn(attempt), refusedAs('unauthenticated'));
    }
    await db
      .updateTable('staff_user')
      .set({ disabled_at: new Date(START).toISOString() })
      .execute();
    await assert.rejects(
      staff.signIn({ name: 'an', password: user.password, totp: code }),
      refusedAs('unauthenticated'),
    );
  });

  it('accepts a code one step early or late but not two', async () => {
    const { staff, clock } = setup(await open());
    const user = await staff.addUser({ name: 'drift', role: 'monitor' });
    const sign = (totp: string) => staff.signIn({ name: 'drift', password: user.password, totp });
    await assert.rejects(
      sign(totpCode(user.totpSecret, START - 60_000)),
      refusedAs('unauthenticated'),
    );
    await sign(totpCode(user.totpSecret, START - 30_000));
    clock.ms += 60_000;
    await sign(totpCode(user.totpSecret, clock.ms + 30_000));
  });

  it('refuses a replayed code, and any code of an earlier step once a later one was used', async () => {
    const { staff, clock } = setup(await open());
    const user = await staff.addUser({ name: 'replay', role: 'monitor' });
    const sign = (totp: string) => staff.signIn({ name: 'replay', password: user.password, totp });
    const first = totpCode(user.totpSecret, START);
    await sign(first);
    await assert.rejects(sign(first), refusedAs('unauthenticated'));
    clock.ms += 30_000;
    const next = totpCode(user.totpSecret, clock.ms);
    await sign(next);
    // The previous step is still inside the window, but it is not later than the last used.
    await assert.rejects(sign(first), refusedAs('unauthenticated'));
    clock.ms += 30_000;
    await sign(totpCode(user.totpSecret, clock.ms));
  });

  it('lets only one of two concurrent sign-ins with the same code through', async () => {
    const { staff } = setup(await open());
    const user = await staff.addUser({ name: 'race', role: 'monitor' });
    const input = { name: 'race', password: user.password, totp: totpCode(user.totpSecret, START) };
    const results = await Promise.allSettled([staff.signIn(input), staff.signIn(input)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  });

  it('ends a session on sign-out and at expiry', async () => {
    const { staff, clock } = setup(await open());
    const user = await staff.addUser({ name: 'shift', role: 'coordinator' });
    const signIn = () =>
      staff.signIn({
        name: 'shift',
        password: user.password,
        totp: totpCode(user.totpSecret, clock.ms),
      });
    const first = await signIn();
    await staff.signOut(first.token);
    await assert.rejects(staff.authenticateSession(first.token), refusedAs('unauthenticated'));
    clock.ms += 30_000;
    const second = await signIn();
    clock.ms += SESSION_LIFETIME_MS - 1;
    await staff.authenticateSession(second.token);
    clock.ms += 1;
    await assert.rejects(staff.authenticateSession(second.token), refusedAs('unauthenticated'));
    await staff.signOut('not a token');
  });

  it('refuses unknown, malformed and other kinds of tokens as sessions', async () => {
    const { staff } = setup(await open());
    for (const token of ['', 'vgs_short', `vgs_${'A'.repeat(43)}`, `vgl_${'A'.repeat(43)}`]) {
      await assert.rejects(staff.authenticateSession(token), refusedAs('unauthenticated'));
    }
  });

  it('lists accounts without any secret', async () => {
    const { staff } = setup(await open());
    await staff.addUser({ name: 'b', role: 'analyst' });
    await staff.addUser({ name: 'a', role: 'admin' });
    const users = await staff.listUsers();
    assert.deepEqual(
      users.map((u) => Object.keys(u).sort()),
      [users[0], users[1]].map(() => ['createdAt', 'disabledAt', 'id', 'name', 'role']),
    );
    assert.deepEqual(
      users.map((u) => [u.name, u.role]),
      [
        ['a', 'admin'],
        ['b', 'analyst'],
      ],
    );
  });

  it('creates the first admin only when there is no staff user', async () => {
    const { staff } = setup(await open());
    const admin = await staff.ensureFirstAdmin();
    assert.equal(admin?.name, 'admin');
    assert.equal(admin.role, 'admin');
    assert.equal(await staff.ensureFirstAdmin(), undefined);
    assert.equal((await staff.listUsers()).length, 1);
  });

  it('creates no first admin when another account exists', async () => {
    const { staff } = setup(await open());
    await staff.addUser({ name: 'someone', role: 'monitor' });
    assert.equal(await staff.ensureFirstAdmin(), undefined);
  });
});
