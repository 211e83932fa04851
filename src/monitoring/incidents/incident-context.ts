// What the incident services take from the monitoring context, and the answers they share.
import { DomainError } from '../../errors/domain-error.ts';
import type { PassageContext } from '../../passage/passage-context.ts';
import type { Incident } from './incident.repository.ts';

/** The collaborators of the incident services (no identity vault: incidents hold no names). */
export type IncidentContext = Pick<PassageContext, 'db' | 'sealer' | 'keyring' | 'now'>;

/** `incident`, or 'not_found' when there is none. */
export function found(incident: Incident | undefined): Incident {
  if (incident === undefined) throw new DomainError('not_found', 'no such incident');
  return incident;
}

/** Throws 'conflict' unless the incident is still at the version the caller read. */
export function requireVersion(incident: Incident, expectedVersion: number): void {
  if (incident.version !== expectedVersion) {
    throw new DomainError('conflict', 'the incident changed meanwhile', {
      details: { id: incident.id, expectedVersion, currentVersion: incident.version },
    });
  }
}
