// Two `vigil serve` processes on one PostgreSQL database (issue 7, "several servers"): an alert
// raised by one reaches the staff streaming from the other, once on each; a rate limit is
// counted by both together; the family look-up's lock set through one holds on the other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aJourney } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { ARMEN_HY, DAVIT_HY } from '../../src/passage/registry/registry.fixture.ts';
import { STATUS_LOOKUP_RATE_LIMIT } from '../../src/passage/registry/status/status-lookup.routes.ts';
import { MAX_WRONG_BIRTH_YEARS } from '../../src/passage/registry/status/status-lookup.service.ts';
import { openVigil } from '../../src/server/open-vigil.ts';
import { kyselyForPostgres } from '../../src/store/open-database.ts';
import type { Database } from '../../src/store/schema.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { startServerProcess } from '../support/serve-process.ts';
import type { ServerProcess } from '../support/serve-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sessionHeaders, totpNow } from '../support/test-vigil.ts';

const HOUR = 3_600_000;
const database = await createPostgresDatabase();
const dataDir = tempDir();
const db = kyselyForPostgres<Database>(database.url);

/** A coordinator's session and a registered household, made by a Vigil opened in the test. */
async function prepare() {
  const vigil = await openVigil({ dataDir, databaseUrl: database.url, backgroundJobs: false });
  try {
    const signedIn = async (name: string, role: 'coordinator' | 'hotline') => {
      const user = await vigil.staff.addUser({ name, role });
      const session = await vigil.staff.signIn({
        name,
        password: user.password,
        totp: totpNow(user.totpSecret),
      });
      return sessionHeaders(session.token);
    };
    const coordinator = await signedIn('coordinator-1', 'coordinator');
    const registered = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: await signedIn('hotline-1', 'hotline'),
      payload: { intention: 'leave', members: [{ identity: ARMEN_HY }, { identity: DAVIT_HY }] },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    return {
      coordinator,
      referenceCode: registered.json<{ referenceCode: string }>().referenceCode,
    };
  } finally {
    await vigil.close();
  }
}

const prepared = await prepare();
let serverA: ServerProcess;
let serverB: ServerProcess;
before(async () => {
  process.env['VIGIL_DATABASE_URL'] = database.url;
  // A scans often and raises the alerts; B's first scan comes long after this file ends.
  process.env['VIGIL_SCAN_INTERVAL_MS'] = '200';
  serverA = await startServerProcess(dataDir);
  process.env['VIGIL_SCAN_INTERVAL_MS'] = '45000';
  serverB = await startServerProcess(dataDir);
  delete process.env['VIGIL_SCAN_INTERVAL_MS'];
  delete process.env['VIGIL_DATABASE_URL'];
});
after(async () => {
  await serverA.stop();
  await serverB.stop();
  await db.destroy();
  await database.drop();
});

/** An open alert stream of `url`: its text so far, and a wait for `wanted` in it. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/alerts/stream`, {
    headers: prepared.coordinator,
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.ok(response.body);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const stream = {
    text: '',
    readUntil,
    close: () => {
      controller.abort();
    },
  };
  async function readUntil(wanted: string): Promise<void> {
    const deadline = setTimeout(() => {
      controller.abort();
    }, 20_000);
    try {
      while (!stream.text.includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) break;
        stream.text += value;
      }
    } catch {
      // Aborted at the deadline: the assertion below says what was missing.
    } finally {
      clearTimeout(deadline);
    }
    assert.ok(stream.text.includes(wanted), `${url} did not stream ${wanted}`);
  }
  return stream;
}

const alertsAbout = (text: string, subjectId: string) =>
  [...text.matchAll(/^data: (.*)$/gm)].filter(
    (match) => (JSON.parse(match[1]!) as { subjectId?: string }).subjectId === subjectId,
  ).length;

async function seedOverdueJourney(): Promise<string> {
  const journey = aJourney({
    state: 'passed',
    expectedBy: new Date(Date.now() - 2 * HOUR).toISOString(),
  });
  await passageStoreOn(db).journeys.insertMany([journey]);
  return journey.id;
}

describe('two vigil serve processes on one PostgreSQL', () => {
  it("streams an alert raised by A to B's staff, and once on each stream", async () => {
    const onA = await openStream(serverA.url);
    const onB = await openStream(serverB.url);
    try {
      await onA.readUntil('retry: 5000');
      await onB.readUntil('retry: 5000');
      const first = await seedOverdueJourney();
      await onB.readUntil(first);
      await onA.readUntil(first);
      // A second alert after the first has gone round: a repeat of the first would precede it.
      const second = await seedOverdueJourney();
      await onB.readUntil(second);
      await onA.readUntil(second);
      for (const stream of [onA, onB]) {
        assert.equal(alertsAbout(stream.text, first), 1);
        assert.equal(alertsAbout(stream.text, second), 1);
      }
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('counts sign-in attempts on both together, to the limit of one server', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'nobody', password: 'wrong password', totp: '000000' }),
      });
    // The default limit of `vigil serve`: 10 a minute per address and per name.
    for (let index = 0; index < 10; index++) {
      const response = await attempt(index % 2 === 0 ? serverA.url : serverB.url);
      assert.equal(response.status, 401, `attempt ${String(index + 1)}`);
    }
    assert.equal((await attempt(serverA.url)).status, 429);
    assert.equal((await attempt(serverB.url)).status, 429);
  });

  it('holds the look-up lock set through A on B, and limits look-ups on both together', async () => {
    const lookup = (url: string, birthYear: number) =>
      fetch(`${url}/api/v1/status-lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ referenceCode: prepared.referenceCode, birthYear }),
      });
    assert.equal((await lookup(serverB.url, ARMEN_HY.birthYear)).status, 200);
    for (let wrong = 0; wrong < MAX_WRONG_BIRTH_YEARS; wrong++) {
      assert.equal((await lookup(serverA.url, 1900 + wrong)).status, 404);
    }
    assert.equal((await lookup(serverB.url, ARMEN_HY.birthYear)).status, 404);
    let sent = 1 + MAX_WRONG_BIRTH_YEARS + 1;
    for (; sent < STATUS_LOOKUP_RATE_LIMIT.max; sent++) {
      const response = await lookup(sent % 2 === 0 ? serverA.url : serverB.url, 1950);
      assert.equal(response.status, 404);
    }
    assert.equal((await lookup(serverA.url, 1950)).status, 429);
    assert.equal((await lookup(serverB.url, 1950)).status, 429);
  });
});
