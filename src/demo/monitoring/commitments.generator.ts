// The register of public commitments (issue 4): what each party of the scenario said it would
// do, in the days before D0, in its original language with a translation; and the incidents and
// observations an analyst linked to each as evidence of breach or of compliance, with reasons.
// Parties and places are the scenario's own (data), never names written into code.
import type { Random } from '../random.ts';
import type { Party, Place } from '../scenario.types.ts';
import type { ItemBuild } from './item-ledger.ts';
import type { IncidentDraft, SubEventType } from './monitoring.types.ts';
import type { CommitmentDraft, CommitmentLinkDraft } from './operations.types.ts';
import type { MonitoringWorld } from './monitoring-world.ts';
import { HOUR_MS, dayTime, isoAt } from './monitoring-world.ts';
import { COMMITMENT_TEXT, fill } from './monitoring-text.data.ts';
import type { CommitmentTheme } from './monitoring-text.data.ts';

interface Plan {
  readonly theme: CommitmentTheme;
  readonly party: Party;
  readonly place: Place;
  readonly day: number;
  readonly breachedBy: readonly SubEventType[];
}

function plans(world: MonitoringWorld): Plan[] {
  const { checkpoint_authority: b, origin_authority: a, host_authority: c } = world.partyByRole;
  const cp = world.checkpoint;
  const main = world.settlements[0] ?? cp;
  return [
    {
      theme: 'free_passage',
      party: b,
      place: cp,
      day: -3,
      breachedBy: ['denial_of_passage', 'removal_from_convoy', 'confiscation'],
    },
    {
      theme: 'no_arbitrary_detention',
      party: b,
      place: cp,
      day: -3,
      breachedBy: ['checkpoint_detention'],
    },
    {
      theme: 'mission_access',
      party: b,
      place: cp,
      day: -2,
      breachedBy: ['restriction_of_monitors'],
    },
    { theme: 'mission_access', party: a, place: main, day: -4, breachedBy: [] },
    {
      theme: 'protect_stayers',
      party: b,
      place: main,
      day: -1,
      breachedBy: ['threats_to_those_who_stay', 'property_destruction', 'denial_of_services'],
    },
    {
      theme: 'receive_arrivals',
      party: c,
      place: world.humanitarianCentre,
      day: -4,
      breachedBy: [],
    },
  ];
}

const LINKABLE = new Set(['verified', 'cleared_for_publication', 'published', 'corrected']);

function commitment(world: MonitoringWorld, rng: Random, plan: Plan): CommitmentDraft {
  const texts = COMMITMENT_TEXT[plan.theme];
  const values = { party: plan.party.name, place: plan.place.names.en };
  const madeOn = dayTime(world, plan.day, rng.between(9, 18));
  return {
    id: rng.uuid(),
    partyId: plan.party.id,
    original: { language: 'ru', text: fill(texts.ru, { ...values, place: plan.place.names.ru }) },
    translations: [{ language: 'en', text: fill(texts.en, values) }],
    madeOn: isoAt(madeOn),
    sourceReference: `Statement of ${plan.party.name}, ${isoAt(madeOn).slice(0, 10)} (synthetic)`,
    scope: `${plan.theme}: ${plan.place.names.en}, from ${isoAt(madeOn).slice(0, 10)}`,
    placeIds: [plan.place.id],
    recordedAt: isoAt(madeOn + rng.between(2, 20) * HOUR_MS),
    recordedBy: rng.pick(world.team.analysts),
  };
}

function verifiedAt(incident: IncidentDraft): string | undefined {
  return incident.transitions.find((t) => t.to === 'verified')?.at;
}

/**
 * The commitments and their links: verified incidents of a breaching sub-type as breaches;
 * routine observations at the committed place as compliance.
 *
 * @example const { commitments, links } = generateCommitments(world, { incidents, routine });
 */
export function generateCommitments(
  world: MonitoringWorld,
  evidence: { incidents: readonly IncidentDraft[]; routine: readonly ItemBuild[] },
): { commitments: CommitmentDraft[]; links: CommitmentLinkDraft[] } {
  const rng = world.root.fork('commitments');
  const commitments: CommitmentDraft[] = [];
  const links: CommitmentLinkDraft[] = [];
  for (const plan of plans(world)) {
    const made = commitment(world, rng, plan);
    commitments.push(made);
    const link = (
      target: CommitmentLinkDraft['target'],
      relation: 'breach' | 'compliance',
      after: string,
      reasoning: string,
    ) => {
      const at = isoAt(
        Math.max(Date.parse(after), Date.parse(made.recordedAt)) + rng.between(1, 12) * HOUR_MS,
      );
      links.push({
        id: rng.uuid(),
        commitmentId: made.id,
        target,
        relation,
        reasoning,
        at,
        by: rng.pick(world.team.analysts),
      });
    };
    for (const incident of evidence.incidents) {
      const content = incident.versions[incident.versions.length - 1]?.content;
      const at = verifiedAt(incident);
      if (content === undefined || at === undefined || !LINKABLE.has(incident.finalState)) continue;
      if (!plan.breachedBy.includes(content.subEventType)) continue;
      if (Date.parse(content.occurredStart) < Date.parse(made.madeOn)) continue;
      link(
        { kind: 'incident', id: incident.id },
        'breach',
        at,
        `Verified ${content.subEventType.replaceAll('_', ' ')} after the commitment was made.`,
      );
    }
    const atPlace = evidence.routine.filter(
      (item) => item.place?.id === plan.place.id && item.receivedAt > Date.parse(made.madeOn),
    );
    for (const item of atPlace.slice(0, 4)) {
      const kept = item.access.placeDenied !== true && item.access.escorted !== true;
      const after = isoAt(item.receivedAt);
      if (kept)
        link(
          { kind: 'item', id: item.id },
          'compliance',
          after,
          'Patrol observed the commitment kept.',
        );
      else if (plan.theme === 'mission_access') {
        link(
          { kind: 'item', id: item.id },
          'breach',
          after,
          'Monitors were kept from the place or escorted.',
        );
      }
    }
  }
  return { commitments, links: links.sort((a, b) => a.at.localeCompare(b.at)) };
}
