// The incident part of the monitoring load, through the incidents slice's services: each
// incident opened from its first item, revised (a published one is corrected by its revision),
// moved through the workflow — the two-person steps as a proposal by one user and a confirmation
// by another — merged, and linked to further items and to the passage's held cases and
// tracing requests. A link to an unverified incident reopens it, as in the running system; the
// generator's own reopening step then finds the incident already reopened and is skipped.
import { IncidentService } from '../../monitoring/incidents/incident.service.ts';
import { IncidentWorkflow } from '../../monitoring/incidents/incident-workflow.service.ts';
import type { PassageContext } from '../../passage/passage-context.ts';
import { TWO_PERSON_STATES } from '../monitoring/incident-builder.ts';
import type {
  IncidentContent,
  IncidentDraft,
  IncidentTransitionDraft,
} from '../monitoring/monitoring.types.ts';
import type { Loader, Step } from './monitoring-steps.ts';
import { loadedId } from './monitoring-steps.ts';

// The content as the service takes it: actors as data only (the party id is the generator's).
function contentInput(content: IncidentContent) {
  return {
    ...content,
    actors: content.actors.map(({ name, actorType, role }) => ({ name, actorType, role })),
    victims: content.victims.map((v) => ({ ...v })),
  };
}

async function current(context: PassageContext, load: Loader, draftId: string) {
  const id = loadedId(load.ids.incidents, draftId, 'incident');
  const { incident } = await new IncidentService(context).get(id);
  return { id, version: incident.version, state: incident.state };
}

function transitionSteps(load: Loader, draft: IncidentDraft, t: IncidentTransitionDraft): Step[] {
  // 'corrected' comes by the revision of a published incident, which the version step made.
  if (t.to === 'corrected') return [];
  const key = `incident:${draft.id}`;
  const into = t.mergedInto === undefined ? [] : [`incident:${t.mergedInto}`];
  const move = (at: string, actor: string): Step => ({
    at,
    keys: [key, ...into],
    needs: [],
    run: async (context) => {
      const now = await current(context, load, draft.id);
      if (now.state === t.to) return;
      const request = { version: now.version, reason: t.reason };
      const workflow = new IncidentWorkflow(context);
      if (t.to === 'merged') {
        const target = loadedId(load.ids.incidents, t.mergedInto ?? '', 'incident');
        await workflow.merge(now.id, { ...request, into: target }, load.staff(actor));
      } else {
        await workflow.transition(now.id, { ...request, to: t.to }, load.staff(actor));
      }
    },
  });
  if (!TWO_PERSON_STATES.has(t.to) || t.proposedBy === undefined) return [move(t.at, t.by)];
  return [move(t.proposedAt ?? t.at, t.proposedBy), move(t.at, t.by)];
}

function linkStep(load: Loader, draft: IncidentDraft, link: IncidentDraft['links'][number]): Step {
  const key = `incident:${draft.id}`;
  return {
    at: link.at,
    // Linking marks the item linked (a new version of it), so the item is written too.
    keys: link.kind === 'item' ? [key, `item:${link.itemId}`] : [key],
    needs: [],
    run: async (context) => {
      const id = loadedId(load.ids.incidents, draft.id, 'incident');
      const workflow = new IncidentWorkflow(context);
      if (link.kind === 'item') {
        const change = { reason: 'further information', actor: load.staff(link.by) };
        await workflow.linkItems(id, [link.itemId], change);
      } else {
        const caseLink = { caseKind: link.kind, caseId: link.caseId };
        await workflow.linkCase(id, caseLink, load.staff(link.by));
      }
    },
  };
}

function incidentSteps(load: Loader, draft: IncidentDraft): Step[] {
  const [opening, ...revisions] = draft.versions;
  const firstItem = draft.links.find((link) => link.kind === 'item');
  if (opening === undefined || firstItem?.kind !== 'item') return [];
  const key = `incident:${draft.id}`;
  const open: Step = {
    at: draft.openedAt,
    keys: [key, `item:${firstItem.itemId}`],
    needs: [],
    run: async (context) => {
      const input = {
        itemIds: [firstItem.itemId],
        state: 'received' as const,
        content: contentInput(opening.content),
        reason: opening.reason,
      };
      const view = await new IncidentService(context).open(input, load.staff(draft.openedBy));
      load.ids.incidents.set(draft.id, view.incident.id);
    },
  };
  const revise = revisions.map((v): Step => ({
    at: v.at,
    keys: [key],
    needs: [],
    run: async (context) => {
      const now = await current(context, load, draft.id);
      const request = { version: now.version, reason: v.reason, content: contentInput(v.content) };
      await new IncidentService(context).revise(now.id, request, load.staff(v.by));
    },
  }));
  const links = draft.links
    .filter((link) => link !== firstItem)
    .map((l) => linkStep(load, draft, l));
  const moves = draft.transitions.flatMap((t) => transitionSteps(load, draft, t));
  return [open, ...revise, ...links, ...moves];
}

/**
 * The incident steps of the monitoring load.
 *
 * @example steps.push(...incidentLoadSteps(monitoring.incidents, loader));
 */
export function incidentLoadSteps(drafts: readonly IncidentDraft[], load: Loader): Step[] {
  return drafts.flatMap((draft) => incidentSteps(load, draft));
}
