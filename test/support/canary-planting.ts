// Plants the canaries (test/support/canary.ts) in a served demo through the real API, signed in
// as the demo's staff: each record type that holds identity data gets one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readDemoCredentials } from '../../src/demo/load/demo-accounts.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/route-policy.ts';
import { aContent } from '../../src/monitoring/incidents/incident.fixtures.ts';
import { CANARY, CANARY_ACCOUNT, CANARY_PUBLIC_SUMMARY, canaryIdentity } from './canary.ts';
import { totpNow } from './test-vigil.ts';
import { headerOf } from './feeds-vigil.ts';
import type { TestSmtp } from './test-smtp.ts';

/** What was planted, for the crawl and the checks. */
export interface Planted {
  householdId: string;
  referenceCode: string;
  receiptCode: string;
  incidentId: string;
  /** The narrative as stored (read back by staff). */
  narrative: string;
  /** A staff read of a planted identity: proof that the canaries are really in the data. */
  staffView: string;
  /** The daily bulletin published after the planting. */
  bulletinId: string;
  /** The tokens of the links mailed to the canary subscriber (confirm, unsubscribe). */
  mailTokens: string[];
}

type Headers = Record<string, string>;

async function call(base: string, path: string, init: { headers?: Headers; body?: unknown }) {
  const response = await fetch(`${base}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...init.headers,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${path} answered ${response.status}: ${text}`);
  return { status: response.status, text, body: JSON.parse(text || 'null') as unknown };
}

async function signIn(
  base: string,
  account: { login: string; password: string; totpSecret: string },
) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: account.login,
      password: account.password,
      totp: totpNow(account.totpSecret),
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  assert.ok(cookie !== undefined, 'a session cookie');
  return { cookie: cookie.split(';')[0] ?? '', [CSRF_HEADER]: '1' };
}

/** Signs in as the demo's hotline, analyst and coordinator and plants every canary. */
export async function plantCanaries(
  base: string,
  dataDir: string,
  mail: TestSmtp,
): Promise<Planted> {
  const credentials = readDemoCredentials(dataDir);
  assert.ok(credentials !== undefined, 'the demo saved its accounts');
  const account = (role: string) => {
    const found = credentials.staff.find((member) => member.role === role);
    assert.ok(found !== undefined, `the demo has a ${role}`);
    return found;
  };
  const hotline = await signIn(base, account('hotline'));
  const analyst = await signIn(base, account('analyst'));
  const coordinator = await signIn(base, account('coordinator'));
  const post = (path: string, headers: Headers, body: unknown) =>
    call(base, path, { headers, body });

  const household = (
    await post('/api/v1/households', hotline, {
      intention: 'leave',
      members: [
        { identity: canaryIdentity('en') },
        { identity: canaryIdentity('hy') },
        { identity: canaryIdentity('ru') },
      ],
    })
  ).body as { householdId: string; referenceCode: string; members: { personRef: string }[] };
  const staffView = (
    await post(`/api/v1/people/${household.members[0]?.personRef ?? ''}/identity`, hotline, {
      purpose: 'protection',
    })
  ).text;
  const view = (
    await call(base, `/api/v1/households/${household.householdId}`, { headers: coordinator })
  ).body as {
    members: { journeys: { id: string }[] }[];
  };
  const operation = (
    await post('/api/v1/operations', coordinator, { kind: 'convoy', name: 'Convoy C' })
  ).body as {
    id: string;
  };
  await post(`/api/v1/operations/${operation.id}/manifests`, coordinator, {
    vehicle: { id: randomUUID(), kind: 'car', seats: 5, plate: CANARY.plate },
    journeyIds: view.members.flatMap((member) => member.journeys.map((journey) => journey.id)),
  });
  await post('/api/v1/sources', analyst, {
    kind: 'witness',
    label: 'CANARYWREN',
    reason: 'first call',
    atRisk: false,
    contact: { ...canaryIdentity('en'), phone: CANARY.sourcePhone },
  });
  await post('/api/v1/hotline-contacts', hotline, {
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    channel: 'phone',
    callerContact: CANARY.callerPhone,
    topic: 'detention',
  });
  const { receiptCode } = (
    await post('/api/v1/resident-reports', {}, { account: CANARY_ACCOUNT, language: 'en' })
  ).body as { receiptCode: string };
  const item = (
    await post('/api/v1/info-items', hotline, { account: CANARY_ACCOUNT, language: 'en' })
  ).body as { id: string };
  const narrative = `Witness ${CANARY.latinGiven} ${CANARY.latinFamily} (passport ${CANARY.document}) saw it.`;
  const opened = (
    await post('/api/v1/incidents', analyst, {
      itemIds: [item.id],
      state: 'triaged',
      content: aContent(3, {
        narrative,
        publicSummary: CANARY_PUBLIC_SUMMARY,
      }),
      reason: 'a caller and a resident',
    })
  ).body as { incident: { id: string } };
  const incident = opened.incident;
  const move = (to: string, version: number, headers: Headers) =>
    post(`/api/v1/incidents/${incident.id}/transitions`, headers, {
      to,
      version,
      reason: 'checked',
    });
  await move('under_verification', 1, analyst);
  await move('verified', 2, analyst);
  await move('verified', 2, coordinator);
  await move('cleared_for_publication', 3, coordinator);
  await move('cleared_for_publication', 3, analyst);
  await move('published', 4, analyst);
  const stored = (
    await call(base, `/api/v1/incidents/${incident.id}/narrative`, { headers: analyst })
  ).text;
  const commitmentId = await linkAsEvidence(post, analyst, {
    incidentId: incident.id,
    itemId: item.id,
  });
  const confirmToken = await subscribe(base, mail);
  const bulletinId = await publishDaily(base, post, { analyst, coordinator });
  // A release of every open dataset, after the incident (dated 2023) was published.
  const catalogue = (await call(base, '/api/v1/open-data', {})).body as {
    datasets: { name: string }[];
  };
  for (const { name } of catalogue.datasets) {
    await post(`/api/v1/open-data/${name}/releases`, coordinator, {});
  }
  // The planted incident is released now: the commitment's public evidence points at it.
  const evidence = (await call(base, `/api/v1/commitments/${commitmentId}/evidence`, {})).body as {
    evidence: unknown[];
  };
  assert.equal(evidence.evidence.length, 1, 'the released incident is public evidence');
  // A correction too, so that the crawl reads a correction's proof.
  await post('/api/v1/open-data/incidents/corrections', coordinator, {
    correctsVersion: 1,
    description: 'A count was revised after review.',
  });
  // The digest of the published bulletin: the subscriber's first mail that is no confirmation.
  const digest = await mailTo(mail, (m) => !(m.text ?? '').includes('/subscriptions/confirm/'));
  const unsubscribeToken = /\/unsubscribe\/([\w-]+)/.exec(
    headerOf(digest, 'list-unsubscribe'),
  )?.[1];
  assert.ok(unsubscribeToken !== undefined, 'the digest carries an unsubscribe link');
  return {
    mailTokens: [confirmToken, unsubscribeToken],
    bulletinId,
    householdId: household.householdId,
    referenceCode: household.referenceCode,
    receiptCode,
    incidentId: incident.id,
    narrative: stored,
    staffView,
  };
}

type Post = (path: string, headers: Headers, body: unknown) => Promise<{ body: unknown }>;

/**
 * Registers a commitment and links the planted incident (breach) and information item
 * (compliance) to it, with the analyst's reasoning naming the witness: sealed, never public.
 */
async function linkAsEvidence(
  post: Post,
  analyst: Headers,
  targets: { incidentId: string; itemId: string },
): Promise<string> {
  const registered = (
    await post('/api/v1/commitments', analyst, {
      party: 'Party A',
      language: 'en',
      text: 'Civilians may leave freely.',
      madeOn: '2023-09-20',
      sourceRef: 'Statement of 20 September 2023 (synthetic)',
      scope: 'The corridor',
    })
  ).body as { commitment: { id: string } };
  const id = registered.commitment.id;
  const reasoning = `Told by ${CANARY.latinGiven} ${CANARY.latinFamily}, ${CANARY.phone}.`;
  const links = [
    { targetKind: 'incident', targetId: targets.incidentId, bearing: 'breach', reasoning },
    { targetKind: 'info_item', targetId: targets.itemId, bearing: 'compliance', reasoning },
  ];
  for (const link of links) await post(`/api/v1/commitments/${id}/links`, analyst, link);
  return id;
}
type Bulletin = { id: string; version: number; product: string };

/**
 * Has the analyst draft the daily report of the latest cut-off (or take the one the server's job
 * drafted) and write it, and the coordinator approve and publish it.
 */
async function publishDaily(
  base: string,
  post: Post,
  staff: { analyst: Headers; coordinator: Headers },
) {
  const created = await fetch(`${base}/api/v1/bulletins`, {
    method: 'POST',
    headers: { ...staff.analyst, 'content-type': 'application/json' },
    body: JSON.stringify({ product: 'daily' }),
  });
  let draft = created.status === 201 ? ((await created.json()) as Bulletin) : undefined;
  if (draft === undefined) {
    assert.equal(created.status, 409, 'drafted, or already drafted by the server');
    const { body } = await call(base, '/api/v1/bulletins/drafts', { headers: staff.analyst });
    draft = (body as { bulletins: Bulletin[] }).bulletins.find((b) => b.product === 'daily');
  }
  assert.ok(draft !== undefined, 'a daily report to publish');
  const url = `/api/v1/bulletins/${draft.id}`;
  const edited = (
    await post(`${url}/texts`, staff.analyst, {
      version: draft.version,
      language: 'en',
      text: 'Movement through the corridor continued; one incident is under review.',
    })
  ).body as Bulletin;
  const approved = (await post(`${url}/approval`, staff.coordinator, { version: edited.version }))
    .body as Bulletin;
  await post(`${url}/publication`, staff.coordinator, { version: approved.version });
  return draft.id;
}

type Mail = TestSmtp['received'][number];

/** Waits for the first mail to the canary subscriber that satisfies `wanted`. */
async function mailTo(mail: TestSmtp, wanted: (m: Mail) => boolean): Promise<Mail> {
  for (let waited = 0; ; waited += 100) {
    const toCanary = mail.received.filter((m) => JSON.stringify(m.to ?? '').includes(CANARY.email));
    const found = toCanary.find(wanted);
    if (found !== undefined) return found;
    assert.ok(waited < 30_000, 'the expected mail never reached the canary subscriber');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Subscribes the canary address to daily reports and confirms by the mailed link's POST. */
async function subscribe(base: string, mail: TestSmtp): Promise<string> {
  const asked = await fetch(`${base}/api/v1/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: CANARY.email, language: 'en', products: ['daily'] }),
  });
  assert.equal(asked.status, 202);
  const confirmation = await mailTo(mail, (m) =>
    (m.text ?? '').includes('/subscriptions/confirm/'),
  );
  const token = /\/subscriptions\/confirm\/([\w-]+)/.exec(confirmation.text ?? '')?.[1];
  assert.ok(token !== undefined, 'the confirmation mail carries its link');
  const confirmed = await fetch(`${base}/subscriptions/confirm/${token}`, { method: 'POST' });
  assert.ok(confirmed.status < 400, `confirming answered ${confirmed.status}`);
  return token;
}
