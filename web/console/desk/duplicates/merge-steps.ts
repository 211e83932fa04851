// The explicit merge of one incident into another, as the workflow allows it: an incident is
// first flagged `duplicate` (unless it is already), then merged (POST /api/v1/incidents/:id/merge),
// each step at the version just read, so a change by someone else in between is refused.
import { api } from '../../api.ts';
import type { IncidentView } from '../shared/desk-types.ts';

const path = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

/** Merges incident `from` into incident `into`, giving `reason` for each step. */
export async function mergeIncident(from: string, into: string, reason: string): Promise<void> {
  let view = await api<IncidentView>('GET', path(from));
  if (view.incident.state !== 'duplicate') {
    const body = { to: 'duplicate', version: view.incident.version, reason };
    view = await api<IncidentView>('POST', `${path(from)}/transitions`, body);
  }
  await api('POST', `${path(from)}/merge`, { into, version: view.incident.version, reason });
}

/** Links new item `itemId` to incident `incidentId` (new information about the same event). */
export async function linkItem(incidentId: string, itemId: string, reason: string): Promise<void> {
  await api('POST', `${path(incidentId)}/items`, { itemIds: [itemId], reason });
}
