// The oversight scan end to end: an overdue journey found by a scan reaches a coordinator's
// open alert stream (server-sent events over a real socket), both when a test runs the scan and
// when the server's own timer does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aJourney } from '../../src/passage/database/passage.fixtures.ts';
import { passageStoreOn } from '../../src/passage/database/passage-store.kysely.ts';
import { runScanOnce } from '../../src/passage/oversight/scans/alert-scan.ts';
import { openTestVigil } from '../support/test-vigil.ts';
import type { TestVigil } from '../support/test-vigil.ts';

const HOUR = 3_600_000;

/** An open alert stream: what it has sent so far, and a wait for an event about `subjectId`. */
async function openStream(test: TestVigil, url: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/alerts/stream`, {
    headers: test.staff.coordinator.headers,
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.ok(response.body);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const readUntil = async (wanted: string, timeoutMs: number): Promise<string> => {
    const deadline = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    try {
      while (!text.includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    } catch {
      // Aborted at the deadline: the assertion below says what was missing.
    } finally {
      clearTimeout(deadline);
    }
    assert.ok(text.includes(wanted), `stream did not send ${wanted} within ${timeoutMs} ms`);
    return text;
  };
  return {
    readUntil,
    close: () => {
      controller.abort();
    },
  };
}

async function seedOnTheRoad(test: TestVigil, expectedInHours: number) {
  const journey = aJourney({
    state: 'passed',
    expectedBy: new Date(Date.now() + expectedInHours * HOUR).toISOString(),
  });
  await passageStoreOn(test.vigil.features.context.db).journeys.insertMany([journey]);
  return journey;
}

/** The `event: alert` payloads in `text`. */
function alertsIn(text: string): { type: string; subjectId: string }[] {
  return [...text.matchAll(/^event: alert\ndata: (.*)$/gm)].map(
    (match) => JSON.parse(match[1]!) as { type: string; subjectId: string },
  );
}

describe('overdue alerts over server-sent events', () => {
  it('pushes the alert of a scan to a connected coordinator, and only for the late journey', async () => {
    const test = await openTestVigil({ backgroundJobs: false });
    const url = await test.vigil.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(test, url);
    try {
      // The preamble is written once the client is subscribed and its backlog sent.
      await stream.readUntil('retry: 5000', 5000);
      const late = await seedOnTheRoad(test, -2);
      const onTime = await seedOnTheRoad(test, 2);
      const report = await runScanOnce(test.vigil.features.context, new Date());
      assert.deepEqual(
        report.raised.map((alert) => alert.subjectId),
        [late.id],
      );
      const text = await stream.readUntil(late.id, 5000);
      assert.deepEqual(
        alertsIn(text).map((alert) => [alert.type, alert.subjectId]),
        [['journey_overdue', late.id]],
      );
      assert.ok(!text.includes(onTime.id));
    } finally {
      stream.close();
    }
  });

  it('raises within the scan interval from the server timer (VIGIL_SCAN_INTERVAL_MS)', async () => {
    process.env['VIGIL_SCAN_INTERVAL_MS'] = '200';
    const test = await openTestVigil();
    delete process.env['VIGIL_SCAN_INTERVAL_MS'];
    const url = await test.vigil.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(test, url);
    try {
      await stream.readUntil('retry: 5000', 5000);
      const late = await seedOnTheRoad(test, -1);
      const text = await stream.readUntil(late.id, 5000);
      assert.equal(alertsIn(text)[0]?.type, 'journey_overdue');
    } finally {
      stream.close();
    }
  });
});
