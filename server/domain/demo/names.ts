/**
 * Name parts of the synthetic demo dataset: districts, NGO focus areas and types, institution roster and
 * the words pseudonymous names are built from. Every name made here ends with " (demo)" so that no one
 * can mistake a demo organization for a real one, even when a screenshot drops the dataset banner.
 *
 * District names are real (Istanbul and Gaziantep districts where refugee-serving NGOs and public
 * bodies work); organization names are invented patterns, never the names of real organizations.
 * Names deliberately use Turkish letters (İ, ı, ş, ğ, ç, ö, ü) and some contain "İstanbul", so that
 * search with Turkish case folding ("istanbul" → "İstanbul", "ISIK" → "Işık") has something to find.
 */

export const DEMO_SUFFIX = ' (demo)';

export const CITIES = ['Istanbul', 'Gaziantep'] as const;
export type City = (typeof CITIES)[number];

/** The city as it is spelled inside Turkish-style names (dotted capital İ). */
export const CITY_IN_NAMES: Record<City, string> = { Istanbul: 'İstanbul', Gaziantep: 'Gaziantep' };

/** Districts with a district governorship and a district municipality in the demo. */
export const GOVERNED_DISTRICTS: Record<City, readonly string[]> = {
  Istanbul: [
    'Fatih',
    'Esenyurt',
    'Sultanbeyli',
    'Küçükçekmece',
    'Bağcılar',
    'Zeytinburnu',
    'Başakşehir',
    'Sultangazi',
    'Esenler',
  ],
  Gaziantep: ['Şahinbey', 'Şehitkamil', 'Nizip', 'İslahiye', 'Oğuzeli'],
};

/**
 * Where demo NGOs are registered, with relative weights: refugee-serving NGOs cluster in the districts
 * with the largest refugee populations and in the central districts where associations rent offices.
 */
export const NGO_DISTRICT_WEIGHTS: Record<City, ReadonlyArray<readonly [string, number]>> = {
  Istanbul: [
    ['Fatih', 14],
    ['Esenyurt', 10],
    ['Sultanbeyli', 8],
    ['Küçükçekmece', 7],
    ['Bağcılar', 7],
    ['Zeytinburnu', 6],
    ['Başakşehir', 5],
    ['Sultangazi', 4],
    ['Esenler', 4],
    ['Beyoğlu', 6],
    ['Şişli', 4],
    ['Üsküdar', 3],
  ],
  Gaziantep: [
    ['Şahinbey', 16],
    ['Şehitkamil', 16],
    ['Nizip', 6],
    ['İslahiye', 4],
    ['Oğuzeli', 4],
  ],
};

export const NGO_FOCUS_AREAS = [
  'legal_aid',
  'women',
  'children',
  'health_psychosocial',
  'education',
  'livelihoods',
  'relief',
  'rights_advocacy',
] as const;
export type FocusArea = (typeof NGO_FOCUS_AREAS)[number];

export const NGO_TYPES = ['association', 'foundation', 'cooperative', 'platform'] as const;
export type NgoType = (typeof NGO_TYPES)[number];

export const INSTITUTION_TYPES = [
  'district_governorship',
  'metropolitan_municipality',
  'district_municipality',
  'provincial_migration_management',
  'social_service_centre',
  'employment_agency',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The topic part of an NGO name, by focus area; several variants so names rarely collide. */
export const FOCUS_THEMES: Record<FocusArea, readonly string[]> = {
  women: ["Women's Solidarity", "Women's Empowerment", 'Women and Family Support', "Women's Rights"],
  children: ['Child Protection', "Children's Future", 'Child and Youth Support'],
  legal_aid: ['Legal Aid', 'Legal Counselling', 'Access to Justice'],
  health_psychosocial: ['Psychosocial Support', 'Health and Wellbeing', 'Mental Health Solidarity'],
  // One variant carries commas so the demo itself exercises RFC 4180 quoting end to end.
  education: ['Education and Culture', 'Literacy and Learning', 'Education, Culture and Solidarity'],
  livelihoods: ['Livelihood Support', "Women Producers'", 'Vocational Skills'],
  relief: ['Humanitarian Aid', 'Solidarity and Relief', 'Emergency Relief'],
  rights_advocacy: ['Human Rights', 'Refugee Rights', 'Peace, Rights and Dignity'],
};

export const NGO_FORMS: Record<NgoType, readonly string[]> = {
  association: ['Association'],
  foundation: ['Foundation'],
  cooperative: ['Cooperative'],
  platform: ['Platform', 'Network'],
};

/** Qualifiers that mark a refugee-led NGO's name. */
export const REFUGEE_LED_QUALIFIERS = ['Syrian', 'Syrian Community', 'Refugee'] as const;

/**
 * Turkish-language NGO names. Each fixes the NGO's type and main focus, so a name never contradicts
 * the attributes it is shown with. One contains double quotes to exercise CSV quoting.
 */
export const TURKISH_NGO_NAMES: ReadonlyArray<{ name: string; type: NgoType; focus: FocusArea }> = [
  { name: 'Işık Kadın Dayanışma Derneği', type: 'association', focus: 'women' },
  { name: 'Gökkuşağı Çocuk Derneği', type: 'association', focus: 'children' },
  { name: 'Umut Işığı Eğitim Vakfı', type: 'foundation', focus: 'education' },
  { name: 'Öncü Kadınlar Üretim Kooperatifi', type: 'cooperative', focus: 'livelihoods' },
  { name: 'Dayanışma Evi Derneği', type: 'association', focus: 'relief' },
  { name: 'Çınar Hukuk ve Hak Derneği', type: 'association', focus: 'legal_aid' },
  { name: 'Güneşli Yarınlar Çocuk Vakfı', type: 'foundation', focus: 'children' },
  { name: 'Yeni Gün Psikososyal Destek Derneği', type: 'association', focus: 'health_psychosocial' },
  { name: 'Ortak Ses Hak Savunuculuğu Platformu', type: 'platform', focus: 'rights_advocacy' },
  { name: 'Emek ve Üretim Kadın Kooperatifi', type: 'cooperative', focus: 'livelihoods' },
  { name: 'İyilik Eli Yardımlaşma Derneği', type: 'association', focus: 'relief' },
  { name: '"Açık Kapı" Mülteci Destek Platformu', type: 'platform', focus: 'rights_advocacy' },
];

/** One public institution of the demo roster, before ids and randomness are applied. */
export interface InstitutionSeat {
  type: InstitutionType;
  city: City;
  /** Absent for province-wide bodies. */
  district?: string;
  name: string;
}

/** Social service centres and the "other" bodies per city; districts chosen to match NGO density. */
const SOCIAL_SERVICE_CENTRE_DISTRICTS: Record<City, readonly string[]> = {
  Istanbul: [
    'Esenyurt',
    'Sultanbeyli',
    'Küçükçekmece',
    'Bağcılar',
    'Zeytinburnu',
    'Başakşehir',
    'Sultangazi',
    'Esenler',
  ],
  Gaziantep: ['Şahinbey', 'Şehitkamil', 'Nizip', 'İslahiye', 'Oğuzeli'],
};

const OTHER_PROVINCIAL_BODIES = [
  'Provincial Directorate of Family and Social Services',
  'Provincial Health Directorate',
  'Provincial Directorate of National Education',
] as const;

const OTHER_DISTRICT_BODIES: Record<City, ReadonlyArray<readonly [string, string]>> = {
  Istanbul: [
    ['Sultanbeyli', 'Migrant Health Centre'],
    ['Esenyurt', 'Public Education Centre'],
    ['Küçükçekmece', 'Youth Centre'],
  ],
  Gaziantep: [
    ['Şahinbey', 'Migrant Health Centre'],
    ['Nizip', 'Public Education Centre'],
  ],
};

/**
 * The 58 public institutions: per city one metropolitan municipality, one provincial migration
 * management office, one employment agency office, a district governorship and a district municipality
 * per governed district, social service centres and a few other public bodies.
 * Istanbul 35 (1+1+1+9+9+8+6), Gaziantep 23 (1+1+1+5+5+5+5).
 */
export function institutionRoster(): InstitutionSeat[] {
  const seats: InstitutionSeat[] = [];
  for (const city of CITIES) {
    const inName = CITY_IN_NAMES[city];
    seats.push(
      { type: 'metropolitan_municipality', city, name: `${inName} Metropolitan Municipality` },
      {
        type: 'provincial_migration_management',
        city,
        name: `${inName} Provincial Migration Management Office`,
      },
      { type: 'employment_agency', city, name: `${inName} Employment Agency Provincial Office` },
    );
    for (const body of OTHER_PROVINCIAL_BODIES)
      seats.push({ type: 'other', city, name: `${inName} ${body}` });
    for (const district of GOVERNED_DISTRICTS[city]) {
      seats.push({
        type: 'district_governorship',
        city,
        district,
        name: `${district} District Governorship`,
      });
    }
    for (const district of GOVERNED_DISTRICTS[city]) {
      seats.push({
        type: 'district_municipality',
        city,
        district,
        name: `${district} District Municipality`,
      });
    }
    for (const district of SOCIAL_SERVICE_CENTRE_DISTRICTS[city]) {
      seats.push({
        type: 'social_service_centre',
        city,
        district,
        name: `${district} Social Service Centre`,
      });
    }
    for (const [district, body] of OTHER_DISTRICT_BODIES[city]) {
      seats.push({ type: 'other', city, district, name: `${district} ${body}` });
    }
  }
  return seats.map((seat) => ({ ...seat, name: seat.name + DEMO_SUFFIX }));
}

/** Parts of an English-pattern NGO name: "Fatih Syrian Women's Solidarity Association (demo)". */
export interface NgoNameParts {
  place: string;
  qualifier?: string;
  theme: string;
  form: string;
}

export function composeNgoName(parts: NgoNameParts): string {
  const words = [parts.place, parts.qualifier, parts.theme, parts.form].filter((word) => word !== undefined);
  return words.join(' ') + DEMO_SUFFIX;
}
