// English messages of the public site; the other catalogues have exactly these keys
// (i18n.test.ts). {{name}} placeholders are filled by i18next.

/** The public site's messages in English. */
export const en = {
  languageName: 'English',
  language: 'Language',
  title: 'Monitoring mission: what we see',
  intro:
    'Figures the mission has published: its daily reports and its open data. Every number passed the disclosure rules before it left the mission.',
  synthetic: 'SYNTHETIC DEMO DATA: every person, place and figure is invented.',
  loading: 'Loading…',
  failed: 'These figures could not be loaded.',
  none: 'Nothing published yet.',
  legend:
    '"<5" means 1 to 4 and "<10" 1 to 9; "x" hides a figure that would let a hidden one be worked out. Passages are rounded to 10.',
  reportsHeading: 'Daily reports',
  reportsFor: 'Report for {{date}}',
  passagesHeading: 'Passages by checkpoint and direction',
  passagesCaption: 'Reporting days {{from}} to {{to}} (open data release {{version}})',
  day: 'Day',
  checkpoint: 'Checkpoint',
  direction: 'Direction',
  'direction.out': 'Leaving',
  'direction.in': 'Entering',
  people: 'People',
  vehicles: 'Vehicles',
  incidentsHeading: 'Verified incidents by type',
  incidentsCaption: 'Incidents published in open data release {{version}}, by event type',
  eventType: 'Event type',
  verified: 'Verified',
  corrected: 'Verified, then corrected',
  restrictionsHeading: "Restrictions on the mission's movement",
  restrictionsCaption: 'Restrictions in the latest open data release, by kind',
  kind: 'Kind',
  count: 'Count',
  'restriction.denial': 'Access denied',
  'restriction.conditional_access': 'Access on conditions',
  'restriction.delay': 'Delayed',
  'restriction.other_impediment': 'Other impediment',
  commitmentsHeading: "The parties' public commitments",
  madeOn: 'Made on {{date}} by {{party}}',
  moreHeading: 'Check and reuse',
  verifyLink: 'Verify the transparency log in your browser',
  openDataLink: 'Open data catalogue (CSV with HXL, JSON, GeoJSON)',
  feedLink: 'Atom feed of the reports',
};

/** A catalogue: every key of the English one. */
export type Catalogue = Record<keyof typeof en, string>;
