// English text of the methodology page (i18next namespace 'methodology', loaded with the page);
// the other catalogues have exactly these keys (methodology.test.ts). Sub-type labels are keyed
// by the taxonomy's codes (src/monitoring/model/event-taxonomy.ts), ACLED's names in English.

/** The methodology page in English. */
export const en = {
  heading: 'How the mission counts: methodology',
  back: 'Back to the figures',
  intro:
    'What the figures on this site mean, how sure the mission is of them, and which rules they pass before they are published.',
  taxonomyHeading: 'What is recorded: the incident taxonomy',
  taxonomyIntro:
    'Each incident gets one sub-type from the mission’s own list: the 25 sub-types of ACLED (the Armed Conflict Location & Event Data project) and the sub-types that work on a safe-passage corridor needs. Every sub-type maps to an ACLED event type, so the open data can be joined with other ACLED data. The sub-types, by event type:',
  'family.battles': 'Battles',
  'family.explosions_remote_violence': 'Explosions and remote violence',
  'family.violence_against_civilians': 'Violence against civilians',
  'family.protests': 'Protests',
  'family.riots': 'Riots',
  'family.strategic_developments': 'Strategic developments',
  'family.safe_passage': 'Safe passage (the corridor)',
  'family.mission_access': 'The mission’s access',
  'sub.armed_clash': 'Armed clash',
  'sub.government_regains_territory': 'Government regains territory',
  'sub.non_state_actor_overtakes_territory': 'Non-state actor overtakes territory',
  'sub.chemical_weapon': 'Chemical weapon',
  'sub.air_drone_strike': 'Air or drone strike',
  'sub.suicide_bomb': 'Suicide bomb',
  'sub.shelling_artillery_missile_attack': 'Shelling, artillery or missile attack',
  'sub.remote_explosive_landmine_ied': 'Remote explosive, landmine or IED',
  'sub.grenade': 'Grenade',
  'sub.sexual_violence': 'Sexual violence',
  'sub.attack': 'Attack',
  'sub.abduction_forced_disappearance': 'Abduction or forced disappearance',
  'sub.peaceful_protest': 'Peaceful protest',
  'sub.protest_with_intervention': 'Protest with intervention',
  'sub.excessive_force_against_protesters': 'Excessive force against protesters',
  'sub.violent_demonstration': 'Violent demonstration',
  'sub.mob_violence': 'Mob violence',
  'sub.agreement': 'Agreement',
  'sub.arrests': 'Arrests',
  'sub.change_to_group_activity': 'Change to group or activity',
  'sub.disrupted_weapons_use': 'Disrupted weapons use',
  'sub.headquarters_or_base_established': 'Headquarters or base established',
  'sub.looting_property_destruction': 'Looting or property destruction',
  'sub.non_violent_transfer_of_territory': 'Non-violent transfer of territory',
  'sub.other': 'Other',
  'sub.checkpoint_detention': 'Detention at a checkpoint',
  'sub.removal_from_convoy': 'Removal from a convoy',
  'sub.denial_of_passage': 'Denial of passage or turn-back',
  'sub.confiscation': 'Confiscation of documents or property',
  'sub.checkpoint_ill_treatment': 'Ill-treatment at a checkpoint',
  'sub.filming_or_biometric_capture': 'Filming or biometric capture',
  'sub.firing_near_corridor': 'Firing near the corridor',
  'sub.mass_casualty_accident': 'Mass-casualty accident',
  'sub.death_in_queue': 'Death in a queue',
  'sub.medical_evacuation': 'Medical evacuation',
  'sub.restriction_of_monitors': 'Restriction of the monitors',
  'sub.mines_or_uxo': 'Mines or unexploded ordnance',
  'sub.humanitarian_convoy_blocked': 'Humanitarian convoy blocked',
  'sub.threats_to_those_who_stay': 'Threats to or intimidation of those who stay',
  'sub.property_destruction': 'Destruction of property',
  'sub.denial_of_services': 'Denial of services',
  gradingHeading: 'How sure the mission is: grading',
  gradingIntro:
    'Every report is graded on two separate scales (the Admiralty system): how reliable its source has proved over time, from A to F, and how credible this piece of information is, from 1 to 6. A source’s grade rests on its record and is kept with the reasons for it; credibility is judged report by report. Copies of the same report are not independent sources.',
  reliabilityHeading: 'Source reliability',
  'reliability.A': 'A: completely reliable',
  'reliability.B': 'B: usually reliable',
  'reliability.C': 'C: fairly reliable',
  'reliability.D': 'D: not usually reliable',
  'reliability.E': 'E: unreliable',
  'reliability.F': 'F: reliability cannot be judged',
  credibilityHeading: 'Information credibility',
  'credibility.1': '1: confirmed by other independent sources',
  'credibility.2': '2: probably true',
  'credibility.3': '3: possibly true',
  'credibility.4': '4: doubtful',
  'credibility.5': '5: improbable',
  'credibility.6': '6: truth cannot be judged',
  gradingExample:
    'An anonymous post on social media, for example, is usually graded F3 until other sources confirm it.',
  proofHeading: 'Standard of proof: verified and unverified',
  proofVerified:
    'The open data, the map and the charts hold verified incidents only: incidents the mission has established from its own observation or from independent sources that confirm one another, not from a single account.',
  proofUnverified:
    'A report that cannot be confirmed stays unverified; it is kept, can be checked again when new information comes in, and is never published on its own. The daily reports say how many incidents were reported and how many were verified.',
  proofTwoPerson:
    'Two steps need two different people: marking an incident verified, and clearing it for publication. One person proposes the step and another confirms it; if the incident changes in between, the proposal lapses.',
  proofCorrected:
    'When a published incident proves partly wrong it is corrected, shown as “verified, then corrected”, and the change is entered in the corrections log of the open data.',
  disclosureHeading: 'Disclosure rules: what is not published, and why figures look as they do',
  disclosureNever:
    'Never published: names, photographs of civilians, number plates, exact shelters, sources, the names of monitors, lists of people leaving, or anyone’s screening result.',
  disclosureSmall: '“<5”: a count from 1 to 4, shown this way so that nobody can be singled out.',
  disclosureSensitive:
    '“<10”: a count from 1 to 9, for detentions, sexual violence, unaccompanied children and deaths on the road.',
  disclosureSecondary:
    '“x”: a figure hidden because, with the totals, it would let a hidden small count be worked out (secondary suppression).',
  disclosureZero: 'A true zero is published as 0.',
  disclosureRounding:
    'Passages (people and vehicles crossing) and each daily report’s reconciliation of the day’s departures (arrived, held, turned back, died, en route, unaccounted) are rounded to the nearest 10, halves up; totals are rounded on their own, so rounded figures need not add up.',
  disclosurePlaces:
    'Places are coarsened: an incident is placed at its settlement at most (the nearest settlement within 25 km of the site), else only at its district, which the map lists but does not draw.',
  disclosureDelay:
    'Incidents are published 72 hours after they happened at the earliest, so that the information cannot help anyone target people.',
  disclosureIds:
    'Each open data release gives incidents new public identifiers; released days are released again exactly as they were, so releases cannot be set against each other.',
  disclosureSite:
    'This site shows figures exactly as published: a chart draws only published numbers and leaves a gap for “<5”, “<10” or “x”, and the site never adds such figures up or guesses them.',
  disclosureMore: 'Every open dataset comes with a methodology file describing each column:',
  openData: 'the open data catalogue',
};

/** A methodology catalogue: every key of the English one. */
export type MethodologyCatalogue = Record<keyof typeof en, string>;
