// The evidence package's format, shared by the export (evidence-package.export.ts) and the
// offline verifier (evidence-package.verify.ts). A package is a folder:
//   manifest.json   format, incident, and per item: sha256, size, media type, file, the sealed
//                   record behind its log entry (kind, id, version, at, salt, canonical record,
//                   commitment, log index) and its proof file
//   custody.json    every custody event of those items, each with its sealed record and proof
//   files/<id>      the originals, decrypted
//   proofs/<n>.tlog-proof  a C2SP tlog-proof of log entry n against the package's checkpoint
//   checkpoint      the signed checkpoint every proof is against
//   log.vkey        the log's verifier key (for convenience: an auditor compares it with the
//                   mission's published key, or passes that key with --key)
import { z } from 'zod';

/** The manifest's format line. */
export const PACKAGE_FORMAT = 'vigil-evidence-package/v1';

/** A sealed log entry as a package reveals it: enough to recompute its commitment and entry. */
export const PackageSealSchema = z.strictObject({
  kind: z.string(),
  id: z.string(),
  version: z.number().int().min(1),
  at: z.string(),
  salt: z.string(),
  record: z.string(),
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
  logIndex: z.number().int().min(0),
  proof: z.string().regex(/^proofs\/[0-9]+\.tlog-proof$/),
});

/** A sealed entry in a package. */
export type PackageSeal = z.infer<typeof PackageSealSchema>;

/** One item of the manifest. */
export const PackageItemSchema = z.strictObject({
  id: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  mediaType: z.string(),
  file: z.string(),
  seal: PackageSealSchema,
});

/** One item of a package. */
export type PackageItem = z.infer<typeof PackageItemSchema>;

/** manifest.json. */
export const ManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  incidentId: z.uuid(),
  exportedAt: z.string(),
  checkpointSize: z.number().int().min(0),
  items: z.array(PackageItemSchema),
});

/** One custody event in custody.json. */
export const PackageCustodySchema = z.strictObject({
  id: z.string(),
  evidenceId: z.string(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  result: z.string().nullable(),
  detail: z.string().nullable(),
  seal: PackageSealSchema,
});

/** custody.json. */
export const CustodyLogSchema = z.strictObject({ events: z.array(PackageCustodySchema) });

/** The manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** One custody event of a package. */
export type PackageCustody = z.infer<typeof PackageCustodySchema>;

/** Where an item's original is inside the package. */
export function packageFileOf(id: string): string {
  return `files/${id}`;
}

/** Where the proof of log entry `index` is inside the package. */
export function proofFileOf(index: number): string {
  return `proofs/${String(index)}.tlog-proof`;
}
