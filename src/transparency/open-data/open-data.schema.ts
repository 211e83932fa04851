// The HTTP shapes of the open data routes. Every parameter is attacker-controlled: the dataset
// is one of the catalogue's names, a file name is VERSION.FORMAT with a bounded version.
import { z } from 'zod';
import { DATASET_NAMES } from './open-data.datasets.ts';
import { OPEN_DATA_FORMATS } from './open-data.formats.ts';

/** :dataset */
export const datasetParams = z.strictObject({ dataset: z.enum(DATASET_NAMES) });

/** VERSION.FORMAT: a version from 1 to 999,999,999 and a known format. */
export const FILE_PATTERN = /^([1-9][0-9]{0,8})\.(csv|json|geojson)$/;

/** :dataset/:version/proof: a version from 1 to 999,999,999. */
export const versionParams = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  version: z.string().regex(/^[1-9][0-9]{0,8}$/),
});

/** :dataset/corrections/:index/proof: a log index (bounded to a safe integer). */
export const correctionIndexParams = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  index: z.string().regex(/^(0|[1-9][0-9]{0,14})$/),
});

/** :dataset/:file */
export const fileParams = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  file: z.string().max(20).regex(FILE_PATTERN),
});

const version = z.number().int().min(1).max(999_999_999);

/** A release as the API shows it. */
export const releaseResponse = z.object({
  dataset: z.string(),
  version: z.number(),
  methodologyVersion: z.string(),
  rowCount: z.number(),
  createdAt: z.string(),
  sha256: z.partialRecord(z.enum(OPEN_DATA_FORMATS), z.string()),
  logIndex: z.number(),
  proof: z.string(),
});

/** A new release, with those of the datasets released with it. */
export const newReleaseResponse = releaseResponse.extend({
  releasedWith: z.array(releaseResponse),
});

/** The catalogue. */
export const catalogueResponse = z.object({
  datasets: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      formats: z.array(z.enum(OPEN_DATA_FORMATS)),
      methodologyVersion: z.string(),
      methodology: z.string(),
      corrections: z.string(),
      latest: releaseResponse.nullable(),
      versions: z.array(z.number()),
      /** Every release, newest first, with its log index, hashes and proof. */
      releases: z.array(releaseResponse),
    }),
  ),
});

/** A new correction. */
export const newCorrectionSchema = z.strictObject({
  correctsVersion: version,
  correctedInVersion: version.optional(),
  description: z.string().trim().min(1).max(2000),
});

/** A correction as published. */
export const correctionResponse = z.object({
  dataset: z.string(),
  correctsVersion: z.number(),
  correctedInVersion: z.number().nullable(),
  description: z.string(),
  at: z.string(),
  logIndex: z.number(),
  proof: z.string(),
});
