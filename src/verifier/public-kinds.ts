// The public entry kinds an auditor re-derives from the log (`vigil verify log --full`): for
// each, the schema its body must meet and where the item is written (`--public-items DIR`).
// Written here from the published formats (docs/bulletins.md, docs/open-data.md), not imported
// from the services: the verifier runs anywhere, without the server's code, and a server that
// changed a public format without saying so is caught here rather than trusted.
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const timestamp = z.iso.datetime({ offset: true });
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
const count = z.number().int().min(0);
const version = z.number().int().min(1).max(999_999_999);
/** Dataset names are path segments of the item files: lower-case words only. */
const datasetName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** bulletin.published: the bulletin's whole content, every language (docs/bulletins.md). */
const bulletin = z
  .strictObject({
    bulletinId: uuid,
    product: z.enum(['daily', 'spot', 'weekly']),
    periodFrom: timestamp,
    periodTo: timestamp,
    languages: z.array(language).min(1),
    texts: z.record(language, z.string()),
    // The figures' shape belongs to the bulletin's drafting and grows with it; an object is
    // all the verifier demands of it.
    figures: z.record(z.string(), z.unknown()),
    corrects: z.strictObject({ id: uuid, kind: z.enum(['correction', 'retraction']) }).nullable(),
  })
  .refine((b) => b.languages.every((l) => Object.hasOwn(b.texts, l)), {
    error: 'a working language has no text',
  });

/** open_data.release: a dataset version's description and the SHA-256 of each format. */
const release = z.strictObject({
  dataset: datasetName,
  version,
  methodologyVersion: z.string().min(1),
  rowCount: count,
  createdAt: timestamp,
  sha256: z
    .strictObject({ csv: sha256.optional(), json: sha256.optional(), geojson: sha256.optional() })
    .refine((hashes) => Object.keys(hashes).length > 0, { error: 'no format hashed' }),
});

/** open_data.correction: which release was wrong and what changed. */
const correction = z.strictObject({
  dataset: datasetName,
  correctsVersion: version,
  correctedInVersion: version.nullable(),
  description: z.string().min(1),
  at: timestamp,
});

// The monitoring and gazetteer records are published whole; their exact columns are documented
// with their slices. The verifier checks what identifies them and keeps the rest as logged.
const commitment = z.looseObject({ commitmentId: uuid, version, at: timestamp });
const restriction = z.looseObject({ restrictionId: uuid, version, at: timestamp });
const place = z.looseObject({ id: z.string().min(1), kind: z.string(), names: z.unknown() });
const fact = z.looseObject({});

/** What the verifier knows of one public kind. */
export interface PublicKind {
  schema: z.ZodType;
  /** The item's file under the output directory, as path segments. */
  path(entry: { id: string; version: number; index: number }, body: unknown): string[];
  /** The entry id the body must repeat, when it repeats one. */
  idOf?(body: unknown): string;
}

const field = (body: unknown, name: string): string =>
  String((body as Record<string, unknown>)[name]);

/** Every public kind Vigil writes, by entry kind. */
export const PUBLIC_KINDS: Readonly<Record<string, PublicKind>> = {
  'bulletin.published': {
    schema: bulletin,
    path: (entry) => ['bulletins', `${entry.id}.json`],
    idOf: (body) => field(body, 'bulletinId'),
  },
  'open_data.release': {
    schema: release,
    path: (_, body) => ['open-data', field(body, 'dataset'), `${field(body, 'version')}.json`],
  },
  'open_data.correction': {
    schema: correction,
    path: (entry, body) => [
      'open-data',
      field(body, 'dataset'),
      'corrections',
      `${entry.index}.json`,
    ],
  },
  'commitment.version': {
    schema: commitment,
    path: (entry) => ['commitments', entry.id, `${entry.version}.json`],
    idOf: (body) => field(body, 'commitmentId'),
  },
  'access_restriction.version': {
    schema: restriction,
    path: (entry) => ['access-restrictions', entry.id, `${entry.version}.json`],
    idOf: (body) => field(body, 'restrictionId'),
  },
  'gazetteer.place': {
    schema: place,
    path: (entry) => ['gazetteer', 'places', entry.id, `${entry.version}.json`],
    idOf: (body) => field(body, 'id'),
  },
  'gazetteer.control': {
    schema: fact,
    path: (entry) => ['gazetteer', 'control', `${entry.index}.json`],
  },
  'gazetteer.route_leg': {
    schema: fact,
    path: (entry) => ['gazetteer', 'route-legs', `${entry.index}.json`],
  },
};
