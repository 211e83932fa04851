// The operations and commitments part of the monitoring load: patrols and their transitions,
// restrictions on the mission (linked to the patrol they stopped), hotline contacts (linked to
// the item a call opened), and the commitment register with its breach and compliance links.
import { CommitmentService } from '../../monitoring/commitments/commitment.service.ts';
import type { HotlineTopic as ServiceTopic } from '../../monitoring/model/operations-vocabulary.ts';
import { operationsServices } from '../../monitoring/operations/operations.module.ts';
import type { MonitoringScenario } from '../monitoring/monitoring.types.ts';
import type {
  CommitmentDraft,
  CommitmentLinkDraft,
  HotlineContactDraft,
  HotlineTopic,
  PatrolDraft,
  RestrictionDraft,
} from '../monitoring/operations.types.ts';
import type { Loader, Step } from './monitoring-steps.ts';
import { loadedId } from './monitoring-steps.ts';

const TOPICS: Readonly<Record<HotlineTopic, ServiceTopic>> = {
  passage_information: 'safe_passage',
  missing_relative: 'missing_person',
  incident_report: 'security_incident',
  detention: 'detention',
  medical: 'humanitarian_need',
  other: 'information_request',
};

function patrolSteps(patrol: PatrolDraft, load: Loader): Step[] {
  const [planned, ...moves] = patrol.states;
  if (planned === undefined) return [];
  const key = `patrol:${patrol.id}`;
  const actor = load.staff(patrol.team[0] ?? '');
  const plannedStart = patrol.states.find((s) => s.state === 'deployed')?.at ?? planned.at;
  const first: Step = {
    at: planned.at,
    keys: [key],
    needs: [],
    run: async (context) => {
      const input = { label: patrol.code, placeId: patrol.placeIds[0] ?? null, plannedStart };
      const view = await operationsServices(context).patrols.plan(input, actor);
      load.ids.patrols.set(patrol.id, view.patrol.id);
    },
  };
  const transitions = moves.map((move): Step => ({
    at: move.at,
    keys: [key],
    needs: [],
    run: async (context) => {
      const { patrols } = operationsServices(context);
      const id = loadedId(load.ids.patrols, patrol.id, 'patrol');
      const { patrol: current } = await patrols.get(id);
      const reason = move.state === 'restricted' ? 'access restricted' : 'as planned';
      await patrols.transition(id, { to: move.state, version: current.version, reason }, actor);
    },
  }));
  return [first, ...transitions];
}

function restrictionStep(r: RestrictionDraft, load: Loader): Step {
  const minutes = Math.max(
    1,
    Math.round((Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 60_000),
  );
  return {
    at: r.recordedAt,
    keys: [`restriction:${r.id}`],
    needs: r.patrolId === null ? [] : [`patrol:${r.patrolId}`],
    run: async (context) => {
      const input = {
        kind: r.kind,
        subKind: r.impediment ?? null,
        occurredAt: r.startedAt,
        placeId: r.placeId,
        // Only a delay has a duration in the register.
        durationMinutes: r.kind === 'delay' ? (r.delayMinutes ?? minutes) : null,
        imposedBy: load.partyName(r.imposedByPartyId),
        patrolId: r.patrolId === null ? null : loadedId(load.ids.patrols, r.patrolId, 'patrol'),
        description: r.description,
      };
      await operationsServices(context).restrictions.record(input, load.staff(r.recordedBy));
    },
  };
}

function hotlineStep(call: HotlineContactDraft, load: Loader): Step {
  const outcome = call.outcome === 'referred_to_tracing' ? 'referred' : call.outcome;
  return {
    at: call.closedAt,
    keys: [`hotline:${call.id}`],
    needs: call.itemId === null ? [] : [`item:${call.itemId}`],
    run: async (context) => {
      const input = {
        receivedAt: call.receivedAt,
        channel: 'phone' as const,
        // A synthetic handle: only its pseudonym is kept.
        callerContact: `demo-caller-${call.id.slice(0, 8)}`,
        topic: TOPICS[call.topic],
        response: { respondedAt: call.answeredAt, outcome },
        infoItemId: call.itemId,
        tracingRequestId: null,
      };
      await operationsServices(context).hotline.take(input, load.staff(call.takenBy));
    },
  };
}

function commitmentStep(c: CommitmentDraft, load: Loader): Step {
  const translations = Object.fromEntries(c.translations.map((t) => [t.language, t.text]));
  return {
    at: c.recordedAt,
    keys: [`commitment:${c.id}`],
    needs: [],
    run: async (context) => {
      const input = {
        party: load.partyName(c.partyId),
        language: c.original.language,
        text: c.original.text,
        translations,
        madeOn: c.madeOn.slice(0, 10),
        sourceRef: c.sourceReference,
        scope: c.scope,
      };
      const registered = await new CommitmentService(context).register(
        input,
        load.staff(c.recordedBy),
      );
      load.ids.commitments.set(c.id, registered.commitment.id);
    },
  };
}

function commitmentLinkStep(link: CommitmentLinkDraft, load: Loader): Step {
  const isIncident = link.target.kind === 'incident';
  return {
    at: link.at,
    keys: [`commitment:${link.commitmentId}`],
    needs: [isIncident ? `incident:${link.target.id}` : `item:${link.target.id}`],
    run: async (context) => {
      const input = {
        targetKind: isIncident ? ('incident' as const) : ('info_item' as const),
        targetId: isIncident
          ? loadedId(load.ids.incidents, link.target.id, 'incident')
          : link.target.id,
        bearing: link.relation,
        reasoning: link.reasoning,
      };
      const id = loadedId(load.ids.commitments, link.commitmentId, 'commitment');
      await new CommitmentService(context).link(id, input, load.staff(link.by));
    },
  };
}

/**
 * The steps of patrols, restrictions, hotline contacts, commitments and their links.
 *
 * @example steps.push(...operationSteps(monitoring, loader));
 */
export function operationSteps(m: MonitoringScenario, load: Loader): Step[] {
  return [
    ...m.commitments.map((c) => commitmentStep(c, load)),
    ...m.commitmentLinks.map((link) => commitmentLinkStep(link, load)),
    ...m.patrols.flatMap((p) => patrolSteps(p, load)),
    ...m.restrictions.map((r) => restrictionStep(r, load)),
    ...m.hotline.map((call) => hotlineStep(call, load)),
  ];
}
