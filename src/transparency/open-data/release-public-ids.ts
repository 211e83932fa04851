// The public ids of one release (DOMAIN.md §6 "every release gets fresh public ids"): a keyed
// hash of the record id under a salt that is itself a keyed hash of the release id under the
// master key. The salt is never stored; the mission alone can derive it again — to repeat what
// an earlier release published for a record (earlier-release.ts), or to point a public reader
// at a record's row in the latest release (the commitments' public evidence).
import type { Keyring } from '../../people/keyring.ts';
import type { DatasetName } from './open-data.datasets.ts';
import { publicIds } from './open-data.disclosure.ts';

/** The prefix of an incident's public id (`event_id_cnty`), as ACLED prefixes a country's. */
export const INCIDENT_ID_PREFIX = 'VGL';

/**
 * Release `releaseId`'s public id of an internal id, for a release of `dataset`.
 *
 * @example releasePublicIds(keyring, 'incidents', release.id)(incidentId) // 'VGL3f…'
 */
export function releasePublicIds(
  keyring: Pick<Keyring, 'pseudonym'>,
  dataset: DatasetName,
  releaseId: string,
): (internalId: string) => string {
  const salt = Buffer.from(keyring.pseudonym('open_data.release', releaseId), 'base64url');
  return publicIds(dataset === 'incidents' ? INCIDENT_ID_PREFIX : '', salt);
}
