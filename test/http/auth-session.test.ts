// Staff sign-in over HTTP: password + TOTP, the session cookie's flags, the CSRF header rule,
// sign-out, and the sign-in rate limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ERROR_CATALOGUE } from '../../src/errors/error-catalogue.ts';
import { openTestVigil, sessionHeaders, totpNow } from '../support/test-vigil.ts';

const test = await openTestVigil();
const { app } = test.vigil;
const secureVigil = await openTestVigil({ secureCookie: true });
const limitedVigil = await openTestVigil({ signInRateLimit: { max: 3, timeWindowMs: 60_000 } });

function signIn(body: unknown, options: Partial<InjectOptions> = {}, on = app) {
  return on.inject({ method: 'POST', url: '/api/v1/session', payload: body as object, ...options });
}

function codeOf(response: LightMyRequestResponse): string {
  return response.json<{ error: { code: string } }>().error.code;
}

function sessionCookie(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === 'vigil_session');
}

describe('POST /api/v1/session', () => {
  it('signs in with the right password and TOTP code and sets a strict HttpOnly cookie', async () => {
    const user = await test.newStaff('analyst');
    const response = await signIn({
      name: user.name,
      password: user.password,
      totp: totpNow(user.totpSecret),
    });
    assert.equal(response.statusCode, 200);
    const body = response.json<{ id: string; name: string; role: string; expiresAt: string }>();
    assert.deepEqual(
      { ...body, expiresAt: undefined },
      {
        id: user.id,
        name: user.name,
        role: 'analyst',
        expiresAt: undefined,
      },
    );
    assert.ok(Date.parse(body.expiresAt) > Date.now() + 11.9 * 3600_000);
    assert.equal(response.headers['cache-control'], 'no-store');
    const header = String(response.headers['set-cookie']);
    assert.match(header, /^vigil_session=vgs_[A-Za-z0-9_-]{43};/);
    assert.match(header, /; Max-Age=43200/);
    assert.match(header, /; Path=\//);
    assert.match(header, /; HttpOnly/);
    assert.match(header, /; SameSite=Strict/);
    assert.doesNotMatch(header, /Secure/, 'plain HTTP request: no Secure flag in auto mode');
    assert.ok(!response.body.includes(sessionCookie(response)!.value), 'token only in the cookie');
    const me = await app.inject({
      url: '/api/v1/session',
      headers: { cookie: `vigil_session=${sessionCookie(response)!.value}` },
    });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), body);
  });

  it('marks the cookie Secure when configured for a TLS deployment', async () => {
    const user = await secureVigil.newStaff('monitor');
    const response = await signIn(
      { name: user.name, password: user.password, totp: totpNow(user.totpSecret) },
      {},
      secureVigil.vigil.app,
    );
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['set-cookie']), /; Secure/);
  });

  it('answers a wrong password, a wrong or replayed code and an unknown name identically', async () => {
    const user = await test.newStaff('hotline');
    const code = totpNow(user.totpSecret);
    const good = { name: user.name, password: user.password, totp: code };
    assert.equal((await signIn(good)).statusCode, 200);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const attempts = [
      { ...good, password: `${user.password}!` },
      { ...good, totp: wrongCode },
      { ...good, totp: 'abc' },
      good, // the same code again: a replay
      { ...good, name: 'no-such-user' },
      { ...good, name: 'no-such-user', password: 'x' },
    ];
    const bodies = new Set<string>();
    for (const attempt of attempts) {
      const response = await signIn(attempt);
      assert.equal(response.statusCode, 401, JSON.stringify(attempt));
      assert.equal(response.headers['set-cookie'], undefined);
      bodies.add(response.body);
    }
    assert.deepEqual(
      [...bodies],
      [
        JSON.stringify({
          error: { code: 'unauthenticated', message: ERROR_CATALOGUE.unauthenticated.message },
        }),
      ],
    );
  });

  it('refuses a body that is not a sign-in with 422 and sets no cookie', async () => {
    const response = await signIn({ name: 'x', password: 'y' });
    assert.equal(response.statusCode, 422);
    assert.equal(codeOf(response), 'invalid_request');
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('limits sign-in attempts per login name, from any address', async () => {
    const user = await limitedVigil.newStaff('monitor');
    const attempt = (address: string) =>
      signIn(
        { name: user.name, password: 'wrong password', totp: '000000' },
        { remoteAddress: address },
        limitedVigil.vigil.app,
      );
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      assert.equal((await attempt(address)).statusCode, 401);
    }
    const limited = await attempt('10.0.0.4');
    assert.equal(limited.statusCode, 429);
    assert.equal(codeOf(limited), 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // Even the right credentials wait out the window: the limit comes before any password work.
    const right = await signIn(
      { name: user.name, password: user.password, totp: totpNow(user.totpSecret) },
      { remoteAddress: '10.0.0.5' },
      limitedVigil.vigil.app,
    );
    assert.equal(right.statusCode, 429);
  });

  it('limits sign-in attempts per address, whatever the name', async () => {
    const attempt = (name: string) =>
      signIn(
        { name, password: 'wrong password', totp: '000000' },
        { remoteAddress: '10.9.9.9' },
        limitedVigil.vigil.app,
      );
    for (const name of ['a1', 'a2', 'a3']) assert.equal((await attempt(name)).statusCode, 401);
    assert.equal((await attempt('a4')).statusCode, 429);
  });
});

describe('session cookie use', () => {
  it('needs the CSRF header for a cookie-authenticated change, not for a read', async () => {
    const { headers, sessionToken } = test.staff.coordinator;
    const cookieOnly = { cookie: headers['cookie']! };
    for (const csrf of [undefined, '0', 'true']) {
      const response = await app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: csrf === undefined ? cookieOnly : { ...cookieOnly, 'x-vigil-csrf': csrf },
      });
      assert.equal(response.statusCode, 403, `x-vigil-csrf: ${String(csrf)}`);
      assert.equal(codeOf(response), 'forbidden');
    }
    const read = await app.inject({ url: '/api/v1/session', headers: cookieOnly });
    assert.equal(read.statusCode, 200, 'the refused sign-outs did not end the session');
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: cookieOnly,
      payload: {},
    });
    assert.equal(post.statusCode, 403);
    await test.vigil.staff.authenticateSession(sessionToken);
  });

  it('lets a bearer credential win over a cookie sent with it', async () => {
    const response = await app.inject({
      url: '/api/v1/users',
      headers: { ...test.staff.admin.headers, authorization: `Bearer ${test.partnerToken}` },
    });
    assert.equal(response.statusCode, 403);
  });

  it('refuses an unknown or malformed session cookie with 401', async () => {
    for (const token of [`vgs_${'A'.repeat(43)}`, 'garbage', '']) {
      const response = await app.inject({ url: '/api/v1/session', headers: sessionHeaders(token) });
      assert.equal(response.statusCode, 401, token);
      assert.equal(codeOf(response), 'unauthenticated');
    }
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const user = await test.newStaff('monitor');
    const session = await test.vigil.staff.signIn({
      name: user.name,
      password: user.password,
      totp: totpNow(user.totpSecret),
    });
    const headers = sessionHeaders(session.token);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    assert.equal(out.statusCode, 204);
    const cleared = sessionCookie(out);
    assert.equal(cleared?.value, '');
    assert.match(String(out.headers['set-cookie']), /Expires=Thu, 01 Jan 1970/);
    const after = await app.inject({ url: '/api/v1/session', headers });
    assert.equal(after.statusCode, 401);
  });
});
