// Templates for every free text of the demo's monitoring data: accounts, narratives, public
// summaries, reasons, commitments. Placeholders in braces ({place}, {party}, {n}) are filled from
// the scenario's own gazetteer and figures; no text names a real person, place or party.
import type { Script } from '../scenario.types.ts';
import type { SubEventType } from './monitoring.types.ts';

/** What happened, in a few words per sub-type (English: narratives and summaries). */
export const WHAT_HAPPENED: Readonly<Record<SubEventType, string>> = {
  checkpoint_detention: 'a man was taken aside at screening and did not return to his vehicle',
  removal_from_convoy: 'a passenger was removed from a bus of the convoy',
  denial_of_passage: 'a family was refused passage and turned back',
  confiscation: 'documents and phones were taken from travellers',
  checkpoint_ill_treatment: 'travellers were insulted and pushed during a search',
  filming_or_biometric_capture: 'men were photographed and their faces captured at screening',
  firing_near_corridor: 'shots were heard close to the road used by departing cars',
  mass_casualty_accident: 'a fuel depot exploded among people queueing for fuel',
  death_in_queue: 'an elderly traveller died while waiting in the queue',
  medical_evacuation: 'a traveller was taken out of the queue by ambulance',
  restriction_of_monitors: 'mission monitors were stopped and kept from the site',
  mines_or_uxo: 'an unexploded shell was found beside the road',
  humanitarian_convoy_blocked: 'a humanitarian convoy was held back at the post',
  threats_to_those_who_stay: 'residents who stayed were threatened by armed men',
  property_destruction: 'empty houses were set on fire',
  denial_of_services: 'water and electricity were cut off for the remaining residents',
};

/** Accounts as residents tell them, per language; {what} is filled per language below. */
const ACCOUNT_FRAMES: Readonly<Record<Script, readonly string[]>> = {
  en: [
    'I was near {place} around {time}. {What}. Many people saw it.',
    'My neighbour called me from {place}: {what}. She is afraid to speak openly.',
    'At {place}, {time}: {what}. About {n} people were affected.',
  ],
  hy: [
    '{place}, {time}։ Ես տեսա, թե ինչպես {what}։',
    'Հարևանս զանգեց {place}-ից. {what}։ Մոտ {n} մարդ։',
  ],
  ru: [
    'Я был возле {place} около {time}. {What}. Видели многие.',
    'Из {place} позвонили родственники: {what}. Пострадали около {n} человек.',
  ],
  az: ['{place}, {time}: {what}. Təxminən {n} nəfər.'],
};

/** A few words per sub-type in the other languages (short, so the frames stay readable). */
const WHAT_IN: Readonly<Record<Exclude<Script, 'en'>, string>> = {
  hy: 'մարդկանց կանգնեցրին և տարան',
  ru: 'людей остановили и увели',
  az: 'insanlar saxlanıldı',
};

/** Fills `template`'s placeholders. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, key: string) => values[key] ?? whole);
}

/** Frames of resident accounts in `language`. */
export function accountFrames(language: Script): readonly string[] {
  return ACCOUNT_FRAMES[language];
}

/** What happened, in `language`. */
export function whatIn(language: Script, subType: SubEventType): string {
  return language === 'en' ? WHAT_HAPPENED[subType] : WHAT_IN[language];
}

/** How the mission's own staff and partners write (English, factual). */
export const OBSERVATION_FRAMES: readonly string[] = [
  'Monitors at {place} observed at {time}: {what}. Observed directly; figures approximate ({n}).',
  'Patrol {patrol} at {place}: {what}. Team spoke to {n} people present.',
  'Partner staff at {place} report: {what}. Figures as reported by those present: {n}.',
];

/** Party officials' statements: their figures carry the noise. */
export const PARTY_FRAMES: readonly string[] = [
  'Official statement by {party}: at {place} {what}; {n} people affected. Measures are taken.',
  '{party} press service: the incident at {place} is under control; {n} people concerned.',
];

/** Social media posts: short, unsourced, sometimes wrong. */
export const POST_FRAMES: readonly string[] = [
  'URGENT: {place} right now, {what}!! share',
  'people say at {place} {what}, {n} victims?? no one helps',
  'video from {place}: {what} (reposted)',
];

/** Routine patrol and monitor observations (no incident). */
export const ROUTINE_FRAMES: readonly string[] = [
  'Patrol {patrol} at {place}: queue moving steadily, water available, no one held during the visit.',
  'Monitors at {place}: screening observed for {n} vehicles; document checks only; no incident.',
  'Patrol {patrol} at {place}: road open, traffic light, nothing to report.',
];

/** An incident's internal narrative. */
export const NARRATIVE_FRAME =
  'On {date} at {place}, {what}. Sources: {sources}. Internal note: {note}.';

/** A reviewed public summary: no names, settlement level at most. */
export const PUBLIC_SUMMARY_FRAME =
  'The mission verified that on {date}, in the area of {place}, {what}. {toll}';

/** Hotline call summaries per topic. */
export const HOTLINE_SUMMARIES = {
  passage_information: 'Caller asked when the road to {place} is open and what documents to bring.',
  missing_relative: 'Caller has had no news of a relative who left {place}; referred to tracing.',
  incident_report: 'Caller reports from {place}: {what}.',
  detention: 'Caller says a relative was held at {place} and has not returned.',
  medical: 'Caller asks for medical help for a person waiting near {place}.',
  other: 'Caller asked about shelter and registration at {place}.',
} as const;

/** Restriction descriptions per kind. */
export const RESTRICTION_TEXT = {
  denial: 'Monitors were refused access to {place} by personnel of {party}; no reason given.',
  conditional_access: 'Access to {place} allowed only with an escort of {party} and no interviews.',
  delay: 'Monitors were held at {place} by {party} for {n} minutes before being let through.',
  other_impediment: 'At {place}: {impediment}.',
} as const;

/** What an other impediment was, in words. */
export const IMPEDIMENT_TEXT = {
  mines: 'the road was closed by mines reported on the verge',
  jamming: 'signal jamming stopped the team from reporting for two hours',
  escort_imposed: 'an armed escort was imposed on the team',
  private_interview_refused: 'the team was not allowed to speak to travellers in private',
} as const;

/** Commitments the parties made, by theme; {party} and {place} come from the gazetteer. */
export const COMMITMENT_TEXT = {
  free_passage: {
    en: '{party} guarantees free and safe passage to every resident who wishes to leave through {place}.',
    ru: '{party} гарантирует свободный и безопасный проход всем жителям, желающим выехать через {place}.',
  },
  no_arbitrary_detention: {
    en: '{party} will not detain departing civilians at {place} except on a warrant shown to the person.',
    ru: '{party} не будет задерживать выезжающих гражданских лиц в {place} без предъявленного ордера.',
  },
  mission_access: {
    en: '{party} will give the monitoring mission unhindered access to {place} at all hours.',
    ru: '{party} обеспечит миссии беспрепятственный доступ к {place} в любое время.',
  },
  protect_stayers: {
    en: '{party} will protect the rights and property of residents who choose to stay.',
    ru: '{party} будет защищать права и имущество жителей, решивших остаться.',
  },
  receive_arrivals: {
    en: '{party} will register, shelter and feed every person arriving at {place}.',
    ru: '{party} зарегистрирует, разместит и обеспечит питанием всех прибывающих в {place}.',
  },
} as const;

/** The theme of a commitment. */
export type CommitmentTheme = keyof typeof COMMITMENT_TEXT;

/** Reports the mission has no mandate for (they end out of scope). */
export const OUT_OF_SCOPE_ACCOUNTS: readonly string[] = [
  'A neighbour in {place} will not return a car he borrowed; the caller asks the mission to step in.',
  'A landlord in {place} raised the rent for people who arrived; the caller wants it stopped.',
];
