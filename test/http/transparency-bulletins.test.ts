// Bulletins over HTTP, end to end: an analyst drafts the daily report from the data and edits
// it in three scripts, a coordinator other than the last editor approves and publishes it; the
// public page per language, the PDF and the C2SP tlog-proof all show the content of the public
// log entry — escaped, with small counts suppressed, and with no one's identity anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorBody } from '../../src/errors/error-catalogue.ts';
import { hashLeaf } from '../../src/ledger/hash.ts';
import { decodeLogEntry } from '../../src/ledger/log-entry.ts';
import { parseTlogProof, verifyTlogProof } from '../../src/ledger/tlog-proof.ts';
import {
  ARMEN_HY,
  IDENTITY_TEXTS,
  REGISTRY_ACTOR,
} from '../../src/passage/registry/registry.fixture.ts';
import { registryServices } from '../../src/passage/registry/registry.module.ts';
import type { BulletinContent } from '../../src/transparency/bulletins/bulletin-content.ts';
import type { Bulletin } from '../../src/transparency/bulletins/bulletin.repository.ts';
import {
  insertCheckpoint,
  insertPassages,
} from '../../src/transparency/bulletins/bulletins.fixtures.ts';
import { pdfPageCount, pdfText } from '../../src/transparency/bulletins/pdf-text.fixture.ts';
import type { DatabaseDialect } from '../../src/store/open-database.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { openTestVigil } from '../support/test-vigil.ts';
import type { TestVigil } from '../support/test-vigil.ts';

const TRICKY = '<script>alert("x")</script> & done';
const ARMENIAN = 'Անցակետում իրավիճակը հանգիստ էր։';
const RUSSIAN = 'Обстановка на КПП была спокойной.';

/** A server on `dialect` with a household registered and a day of passages counted. */
async function openEngine(dialect: DatabaseDialect): Promise<TestVigil> {
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const test = await openTestVigil({ backgroundJobs: false, databaseUrl: server?.url });
  // Registered after the server's own close, so it runs once every pool is closed.
  after(async () => {
    await server?.drop();
  });
  const { context } = test.vigil.features;
  await registryServices(context).registration.register(
    { intention: 'leave', members: [{ identity: ARMEN_HY }] },
    REGISTRY_ACTOR,
  );
  const checkpoint = await insertCheckpoint(context.db);
  const at = '2023-09-24T10:00:00.000Z';
  await insertPassages(context.db, { checkpointId: checkpoint, direction: 'out', at }, 1, 130);
  await insertPassages(context.db, { checkpointId: checkpoint, direction: 'in', at }, 2);
  return test;
}

/** The calls of one engine's suite. */
function callsOn(test: TestVigil) {
  const { app } = test.vigil;
  const { analyst, coordinator } = test.staff;
  /** A POST's status and body: a bulletin, or an error body. */
  const post = async (url: string, headers: Record<string, string>, payload: object) => {
    const response = await app.inject({ method: 'POST', url, headers, payload });
    return { status: response.statusCode, body: response.json<Bulletin & Partial<ErrorBody>>() };
  };
  const edit = async (
    bulletin: Bulletin,
    language: string,
    text: string,
    headers = analyst.headers,
  ) => {
    const url = `/api/v1/bulletins/${bulletin.id}/texts`;
    const edited = await post(url, headers, { version: bulletin.version, language, text });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    return edited.body;
  };
  const approveAndPublish = async (bulletin: Bulletin): Promise<Bulletin> => {
    const url = `/api/v1/bulletins/${bulletin.id}`;
    const approved = await post(`${url}/approval`, coordinator.headers, {
      version: bulletin.version,
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const published = await post(`${url}/publication`, coordinator.headers, {
      version: approved.body.version,
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    return published.body;
  };
  const publishedDaily = async (): Promise<Bulletin> => {
    const created = await post('/api/v1/bulletins', analyst.headers, {
      product: 'daily',
      date: '2023-09-24',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    let bulletin = await edit(created.body, 'en', TRICKY);
    bulletin = await edit(bulletin, 'hy', ARMENIAN);
    bulletin = await edit(bulletin, 'ru', RUSSIAN);
    return approveAndPublish(bulletin);
  };
  const page = (id: string, lang: string) => app.inject({ url: `/bulletins/${id}?lang=${lang}` });
  return { app, post, edit, approveAndPublish, publishedDaily, page };
}

const engines = [await openEngine('sqlite'), await openEngine('postgres')] as const;

for (const [index, test] of engines.entries())
  describe(`bulletin routes on ${index === 0 ? 'sqlite' : 'postgres'}`, () => {
    const { app, post, edit, approveAndPublish, publishedDaily, page } = callsOn(test);
    const { analyst, coordinator, monitor } = test.staff;
    let daily: Bulletin;
    before(async () => {
      daily = await publishedDaily();
    });

    it('publishes a page per language, escaped, with its log index, proof link and versions', async () => {
      const response = await page(daily.id, 'en');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] ?? '', /^text\/html/);
      assert.ok(!response.body.includes('<script>'), 'narrative text is escaped');
      assert.ok(
        response.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; done'),
      );
      assert.ok(response.body.includes(`Log entry ${String(daily.logIndex)}`));
      assert.ok(response.body.includes(`href="/bulletins/${daily.id}/proof"`));
      for (const lang of ['hy', 'ru', 'az']) {
        assert.ok(response.body.includes(`href="/bulletins/${daily.id}?lang=${lang}"`), lang);
      }
      // Two people entering is a small count: published as "<5", escaped.
      assert.ok(response.body.includes('&lt;5'));
      const armenian = await page(daily.id, 'hy');
      assert.ok(armenian.body.includes(ARMENIAN));
      assert.ok(armenian.body.includes('<html lang="hy">'));
      assert.ok(armenian.body.includes('Կամրջի անցակետ'), 'the checkpoint in Armenian');
      assert.equal((await page(daily.id, 'fr')).statusCode, 404);
    });

    it('serves a tlog-proof that verifies and holds exactly the published content', async () => {
      const response = await app.inject({ url: `/bulletins/${daily.id}/proof` });
      assert.equal(response.statusCode, 200);
      const proof = parseTlogProof(response.body);
      assert.equal(proof.index, daily.logIndex);
      assert.ok(proof.extra !== undefined);
      verifyTlogProof({ proof, leafHash: hashLeaf(proof.extra), logKey: test.logKey });
      const entry = decodeLogEntry(proof.extra);
      assert.equal(entry.kind, 'bulletin.published');
      const content = entry.body as BulletinContent;
      assert.deepEqual(content.texts, { en: TRICKY, hy: ARMENIAN, ru: RUSSIAN, az: '' });
      assert.deepEqual(content.figures, daily.figures);
      // The public JSON of the bulletin is that same body, as the public site reads it.
      const json = await app.inject({ url: `/api/v1/bulletins/${daily.id}` });
      assert.equal(json.statusCode, 200);
      const served = json.json<{ content: BulletinContent; logIndex: number }>();
      assert.deepEqual(served.content, content);
      assert.equal(served.logIndex, daily.logIndex);
      assert.ok(content.figures.sections.some((section) => section.key === 'reconciliation'));
    });

    it('produces a one-page PDF with the embedded font and the text in its script', async () => {
      const response = await app.inject({ url: `/bulletins/${daily.id}/pdf?lang=hy` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = response.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
      assert.match(pdf.toString('latin1'), /\/FontFile2 /);
      assert.equal(pdfPageCount(pdf), 1);
      const text = pdfText(pdf);
      assert.ok(text.includes(ARMENIAN), text);
      assert.ok(text.includes('Օրական զեկույց'));
      assert.ok(text.includes('<5'));
      const russian = await app.inject({ url: `/bulletins/${daily.id}/pdf?lang=ru` });
      assert.ok(pdfText(russian.rawPayload).includes(RUSSIAN));
    });

    it('keeps drafts off the public routes and lets staff of the right roles work on them', async () => {
      const created = await post('/api/v1/bulletins', analyst.headers, {
        product: 'spot',
        periodFrom: '2023-09-24T08:00:00Z',
        periodTo: '2023-09-24T09:00:00Z',
        texts: { en: 'Spot report.' },
      });
      assert.equal(created.status, 201);
      const { id } = created.body;
      assert.equal((await page(id, 'en')).statusCode, 404);
      assert.equal((await app.inject({ url: `/bulletins/${id}/proof` })).statusCode, 404);
      assert.equal((await app.inject({ url: `/api/v1/bulletins/${id}` })).statusCode, 404);
      const drafts = await app.inject({
        url: '/api/v1/bulletins/drafts',
        headers: analyst.headers,
      });
      const ids = drafts.json<{ bulletins: Bulletin[] }>().bulletins.map((b) => b.id);
      assert.ok(ids.includes(id));
      const byMonitor = await post('/api/v1/bulletins', monitor.headers, { product: 'daily' });
      assert.equal(byMonitor.status, 403);
      const byAnalyst = await post(`/api/v1/bulletins/${id}/approval`, analyst.headers, {
        version: 1,
      });
      assert.equal(byAnalyst.status, 403);
      const edited = await edit(created.body, 'en', 'Spot report, checked.', coordinator.headers);
      const own = await post(`/api/v1/bulletins/${id}/approval`, coordinator.headers, {
        version: edited.version,
      });
      assert.equal(own.status, 403);
      assert.equal(own.body.error?.code, 'two_person_rule');
      const frozen = await post(`/api/v1/bulletins/${daily.id}/texts`, analyst.headers, {
        version: daily.version,
        language: 'en',
        text: 'changed',
      });
      assert.equal(frozen.status, 409);
      assert.equal(frozen.body.error?.code, 'invalid_transition');
    });

    it('links a correction and the corrected bulletin both ways on their pages', async () => {
      const created = await post(`/api/v1/bulletins/${daily.id}/corrections`, analyst.headers, {
        kind: 'correction',
        texts: { en: 'Corrected figures.' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const correction = await approveAndPublish(created.body);
      const original = (await page(daily.id, 'en')).body;
      assert.ok(original.includes('Corrected by'));
      assert.ok(original.includes(`href="/bulletins/${correction.id}?lang=en"`));
      const corrected = (await page(correction.id, 'ru')).body;
      assert.ok(corrected.includes('Этот бюллетень исправляет'));
      assert.ok(corrected.includes(`href="/bulletins/${daily.id}?lang=ru"`));
      const list = await app.inject({ url: '/api/v1/bulletins?limit=2' });
      const listed = list.json<{ bulletins: { id: string }[] }>().bulletins.map((b) => b.id);
      assert.deepEqual(listed, [correction.id, daily.id]);
    });

    it('puts no identity and no staff name in any published output', async () => {
      const outputs: string[] = [];
      for (const lang of ['en', 'hy', 'ru', 'az']) {
        outputs.push((await page(daily.id, lang)).body);
        const pdf = await app.inject({ url: `/bulletins/${daily.id}/pdf?lang=${lang}` });
        outputs.push(pdfText(pdf.rawPayload), pdf.rawPayload.toString('latin1'));
      }
      outputs.push((await app.inject({ url: `/bulletins/${daily.id}/proof` })).body);
      outputs.push((await app.inject({ url: '/api/v1/bulletins' })).body);
      const proof = parseTlogProof(outputs.at(-2) ?? '');
      outputs.push(new TextDecoder().decode(proof.extra));
      outputs.push((await app.inject({ url: `/api/v1/bulletins/${daily.id}` })).body);
      const secrets = [
        ...IDENTITY_TEXTS,
        analyst.name,
        coordinator.name,
        analyst.id,
        coordinator.id,
      ];
      for (const output of outputs) {
        for (const secret of secrets) assert.ok(!output.includes(secret), secret);
      }
    });
  });
