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
  passagesCaption:
    '{{checkpoint}}: reporting days {{from}} to {{to}} (open data release {{version}})',
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
  passagesChartCaption:
    'People crossing at {{checkpoint}} per reporting day, by direction (open data release {{version}}). A gap is a day whose figure is "<5", "<10" or "x", or has no figure.',
  'people.out': 'People leaving',
  'people.in': 'People entering',
  'vehicles.out': 'Vehicles leaving',
  'vehicles.in': 'Vehicles entering',
  noRow: '—',
  noRowLegend: '"—": the release has no figure for that day.',
  incidentsTypeChartCaption:
    'Verified incidents per reporting day, by event type (records of open data release {{version}}).',
  incidentsStatusChartCaption:
    'Verified incidents per reporting day, by verification status (records of open data release {{version}}; the open data holds verified incidents only).',
  incidentsPerDayCaption:
    'Verified incidents per reporting day, by event type and by verification status (open data release {{version}})',
  verificationStatus: 'Verification status',
  'eventType.battles': 'Battles',
  'eventType.explosions': 'Explosions and remote violence',
  'eventType.civilians': 'Violence against civilians',
  'eventType.protests': 'Protests',
  'eventType.riots': 'Riots',
  'eventType.strategic': 'Strategic developments',
  mapHeading: 'Map of verified incidents',
  mapShow: 'Show',
  mapIncidentsOption: 'Incidents per place, all reporting days',
  mapKilledOption: 'People killed, reporting day {{date}}',
  mapIncidentsTitle: 'Verified incidents per place (open data release {{version}})',
  mapKilledTitle:
    'People killed on reporting day {{date}}, per area (open data release {{version}})',
  mapDescription:
    'Circles sized by the published figure at each place the release names; a hollow square is a suppressed figure, with no size; grey dots are other places of the gazetteer.',
  mapCaption:
    'A circle\'s area is proportional to the figure; a small ring is zero. A hollow square marks a figure published as "<5", "<10" or "x": it claims no size. Grey dots are other places of the gazetteer. Incidents the release places only at district level are listed in the table, not drawn.',
  districtOnly: 'District {{code}} (not drawn)',
  place: 'Place',
  figure: 'Figure',
  restrictionsLatest: 'The latest {{limit}} restrictions, as recorded',
  restrictionBy: '{{place}}, imposed by {{party}}',
  unknownPlace: 'place not given',
  unknownParty: 'not known',
  duration: '{{minutes}} min',
  commitmentSource: 'Source: {{source}}. Scope: {{scope}}.',
  commitmentHistory: 'History (versions: {{versions}})',
  commitmentVersion: 'Version {{version}}, {{date}}: {{reason}}',
  methodologyLink: 'How the mission counts: methodology',
};

/** A catalogue: every key of the English one. */
export type Catalogue = Record<keyof typeof en, string>;
