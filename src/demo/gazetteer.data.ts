// The fictional gazetteer of the demo: invented place names (no real place, no real party) in
// the mission's four languages, placed in a fictional area near 0°N 0°E so that no map shows
// them on real ground. Distances are shaped after DOMAIN.md §7 (60–110 km from the exit posts
// to the humanitarian centre, one bridge checkpoint in between).

/** A place before ids are drawn. */
export interface PlaceSpec {
  readonly code: string;
  readonly en: string;
  readonly hy: string;
  readonly ru: string;
  /** Azerbaijani Latin; derived from `en` when absent. */
  readonly az?: string;
  readonly lat: number;
  readonly lon: number;
}

/** A settlement of origin: its share of the population and the exit post it uses. */
export interface SettlementSpec extends PlaceSpec {
  readonly share: number;
  readonly exitPost: string;
}

/** Settlements of origin; S01 is the main town (close to half the population). */
export const SETTLEMENTS: readonly SettlementSpec[] = [
  {
    code: 'S01',
    en: 'Aranel',
    hy: 'Արանել',
    ru: 'Аранель',
    lat: 0.62,
    lon: 0.84,
    share: 0.45,
    exitPost: 'EP1',
  },
  {
    code: 'S02',
    en: 'Belvor',
    hy: 'Բելվոր',
    ru: 'Бельвор',
    lat: 0.71,
    lon: 0.9,
    share: 0.08,
    exitPost: 'EP1',
  },
  {
    code: 'S03',
    en: 'Dalmiren',
    hy: 'Դալմիրեն',
    ru: 'Дальмирен',
    lat: 0.55,
    lon: 0.93,
    share: 0.07,
    exitPost: 'EP1',
  },
  {
    code: 'S04',
    en: 'Estavan',
    hy: 'Էստավան',
    ru: 'Эставан',
    lat: 0.67,
    lon: 0.98,
    share: 0.06,
    exitPost: 'EP1',
  },
  {
    code: 'S05',
    en: 'Fernakh',
    hy: 'Ֆերնախ',
    ru: 'Фернах',
    lat: 0.83,
    lon: 0.79,
    share: 0.06,
    exitPost: 'EP2',
  },
  {
    code: 'S06',
    en: 'Gorvalen',
    hy: 'Գորվալեն',
    ru: 'Горвален',
    lat: 0.9,
    lon: 0.86,
    share: 0.05,
    exitPost: 'EP2',
  },
  {
    code: 'S07',
    en: 'Ilmera',
    hy: 'Իլմերա',
    ru: 'Ильмера',
    lat: 0.78,
    lon: 0.95,
    share: 0.05,
    exitPost: 'EP2',
  },
  {
    code: 'S08',
    en: 'Kavranis',
    hy: 'Կավրանիս',
    ru: 'Кавранис',
    lat: 0.94,
    lon: 0.74,
    share: 0.04,
    exitPost: 'EP2',
  },
  {
    code: 'S09',
    en: 'Lorvenik',
    hy: 'Լորվենիկ',
    ru: 'Лорвеник',
    lat: 0.41,
    lon: 0.8,
    share: 0.04,
    exitPost: 'EP3',
  },
  {
    code: 'S10',
    en: 'Mirathel',
    hy: 'Միրաթել',
    ru: 'Миратель',
    lat: 0.36,
    lon: 0.9,
    share: 0.04,
    exitPost: 'EP3',
  },
  {
    code: 'S11',
    en: 'Ostrelan',
    hy: 'Օստրելան',
    ru: 'Острелан',
    lat: 0.46,
    lon: 1.0,
    share: 0.03,
    exitPost: 'EP3',
  },
  {
    code: 'S12',
    en: 'Tavrinor',
    hy: 'Տավրինոր',
    ru: 'Тавринор',
    lat: 0.31,
    lon: 0.97,
    share: 0.03,
    exitPost: 'EP3',
  },
];

/** Local exit posts of the origin area. */
export const EXIT_POSTS: readonly PlaceSpec[] = [
  {
    code: 'EP1',
    en: 'Velmar post',
    hy: 'Վելմարի անցակետ',
    ru: 'Пост Вельмар',
    az: 'Velmar postu',
    lat: 0.6,
    lon: 0.7,
  },
  {
    code: 'EP2',
    en: 'Sorvan post',
    hy: 'Սորվանի անցակետ',
    ru: 'Пост Сорван',
    az: 'Sorvan postu',
    lat: 0.76,
    lon: 0.68,
  },
  {
    code: 'EP3',
    en: 'Tirel post',
    hy: 'Տիրելի անցակետ',
    ru: 'Пост Тирель',
    az: 'Tirel postu',
    lat: 0.45,
    lon: 0.69,
  },
];

/** The bridge checkpoint (controlled by Party B), the reception point, the humanitarian centre. */
export const CROSSING: {
  readonly checkpoint: PlaceSpec;
  readonly receptionPoint: PlaceSpec;
  readonly humanitarianCentre: PlaceSpec;
} = {
  checkpoint: {
    code: 'BR1',
    en: 'Orlen Bridge checkpoint',
    hy: 'Օրլենի կամրջի անցակետ',
    ru: 'КПП Мост Орлен',
    az: 'Orlen körpüsü buraxılış məntəqəsi',
    lat: 0.55,
    lon: 0.27,
  },
  receptionPoint: {
    code: 'RP1',
    en: 'Kestel reception point',
    hy: 'Կեստելի ընդունման կետ',
    ru: 'Пункт приёма Кестель',
    az: 'Kestel qəbul məntəqəsi',
    lat: 0.54,
    lon: 0.25,
  },
  humanitarianCentre: {
    code: 'HC1',
    en: 'Varos humanitarian centre',
    hy: 'Վարոսի մարդասիրական կենտրոն',
    ru: 'Гуманитарный центр Варос',
    az: 'Varos humanitar mərkəzi',
    lat: 0.5,
    lon: 0.08,
  },
};

/** Roads wind: road distance ≈ 1.3 × great-circle distance. */
export const ROAD_WINDING = 1.3;

/** Days before D0 since which Party B controls the bridge checkpoint. */
export const CHECKPOINT_CONTROL_DAYS_BEFORE_D0 = 150;

/** Days after D0 at which control of the origin area passes from Party A to Party B. */
export const AREA_HANDOVER_DAYS_AFTER_D0 = 8;
