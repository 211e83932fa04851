// Residents' anonymous reports through the public portal API: no account, a receipt code shown
// once and stored nowhere (only its digest), a follow-up that answers only that report's coarse
// status, the same not_found for any other code, and a rate limit per address.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openTestVigil } from '../support/test-vigil.ts';

const test = await openTestVigil({ backgroundJobs: false });
const { app } = test.vigil;
let address = 0;

function submit(payload: Record<string, unknown>, remoteAddress = `10.0.1.${String(++address)}`) {
  return app.inject({ method: 'POST', url: '/api/v1/resident-reports', payload, remoteAddress });
}

function status(receiptCode: string, remoteAddress = `10.0.2.${String(++address)}`) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/resident-reports/status',
    payload: { receiptCode },
    remoteAddress,
  });
}

describe('resident reports', () => {
  it('answers a receipt code that follows the report, and not_found for any other', async () => {
    const response = await submit({
      account: 'My brother was stopped at the bridge',
      language: 'hy',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const { receiptCode } = response.json<{ receiptCode: string }>();
    assert.match(receiptCode, /^(?:[a-z2-7]{4}-){7}[a-z2-7]{4}$/);
    const followed = await status(receiptCode);
    assert.equal(followed.statusCode, 200, followed.body);
    assert.deepEqual(followed.json(), { status: 'received' });
    const [item] = (
      await app.inject({ url: '/api/v1/info-items', headers: test.staff.analyst.headers })
    ).json<{ items: { id: string; channel: string; collectedBy: string }[] }>().items;
    assert.deepEqual([item?.channel, item?.collectedBy], ['resident_report', 'anonymous']);
    await app.inject({
      method: 'POST',
      url: `/api/v1/info-items/${item?.id ?? ''}/grading`,
      headers: test.staff.analyst.headers,
      payload: { credibility: 3, reason: 'plausible', version: 1 },
    });
    assert.deepEqual((await status(receiptCode)).json(), { status: 'under_review' });
    const wrong = receiptCode.replace(/^./, (first) => (first === 'a' ? 'b' : 'a'));
    for (const code of [wrong, 'nonsense', '']) {
      const answer = await status(code);
      assert.ok([404, 422].includes(answer.statusCode), code);
      if (code !== '')
        assert.equal(answer.json<{ error: { code: string } }>().error.code, 'not_found');
    }
  });

  it('never stores the receipt code: not in any row, sealed record or log file', async () => {
    const response = await submit({ account: 'Shelling near the school', language: 'ru' });
    const { receiptCode } = response.json<{ receiptCode: string }>();
    const compact = receiptCode.replaceAll('-', '');
    for (const file of readdirSync(test.dataDir).filter((name) => name.includes('.sqlite'))) {
      const bytes = readFileSync(join(test.dataDir, file)).toString('latin1');
      assert.ok(!bytes.includes(compact) && !bytes.includes(receiptCode), file);
      assert.ok(!bytes.includes('Shelling near'), `the account is sealed in ${file}`);
    }
  });

  it('limits reports and follow-ups per address', async () => {
    const codes: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      codes.push((await status('k3fq-9zt2', '10.9.9.9')).statusCode);
    }
    assert.equal(codes.at(-1), 429);
    const reports: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      reports.push(
        (await submit({ account: `report ${String(attempt)}`, language: 'en' }, '10.9.9.8'))
          .statusCode,
      );
    }
    assert.deepEqual([reports[0], reports.at(-1)], [201, 429]);
  });

  it("lets a signed-in resident report and list only their own reports' statuses", async () => {
    const resident = { authorization: `Bearer ${test.residentToken}` };
    const other = await test.vigil.tokens.createToken({
      name: 'another resident',
      role: 'resident',
    });
    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/resident/reports',
      headers: resident,
      payload: { account: 'Our street lost water for three days', language: 'az' },
      remoteAddress: '10.0.3.1',
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const { receiptCode, receivedAt } = sent.json<{ receiptCode: string; receivedAt: string }>();
    assert.deepEqual((await status(receiptCode)).json(), { status: 'received' });
    const mine = await app.inject({ url: '/api/v1/resident/reports', headers: resident });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.deepEqual(mine.json(), { reports: [{ receivedAt, status: 'received' }] });
    const theirs = await app.inject({
      url: '/api/v1/resident/reports',
      headers: { authorization: `Bearer ${other.token}` },
    });
    assert.deepEqual(theirs.json(), { reports: [] });
    const anonymous = await app.inject({ url: '/api/v1/resident/reports' });
    assert.equal(anonymous.statusCode, 401);
  });
});
