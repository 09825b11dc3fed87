/**
 * Which organization attributes may ever leave Köprü in a public release, and which may not.
 *
 * Köprü holds who works with whom among refugee-focused organizations, some refugee-led; exposing that
 * can harm people (OCHA Data Responsibility Guidelines 2021 and IASC Operational Guidance on Data
 * Responsibility in Humanitarian Action 2023: classify data by sensitivity, share the least that
 * serves the purpose, aggregate; Turkey's KVKK 6698: personal data only with a legal basis or consent).
 *
 * Every attribute is one of:
 * - `public`: a category the public view may group by (kind, type, city, focus, …);
 * - `opt-in`: published only for organizations that opted in (`name`, through the `public_name`
 *   column);
 * - `private`: never published (the internal id, `refugee_led`, contact details, the opt-in flag
 *   itself, and every column this schema does not know: private by default).
 *
 * This module has no imports on purpose: the client uses it too (to mark private attributes in the
 * analysts' details panel), so both sides classify with the same rules.
 */

export type AttributeVisibility = 'public' | 'private' | 'opt-in';

export interface AttributeClass {
  visibility: AttributeVisibility;
  /** Why, in a few words (shown in docs and tests, never to the public). */
  reason: string;
}

/** The opt-in column of organizations.csv: `true` publishes the organization's name. */
export const PUBLIC_NAME_COLUMN = 'public_name';

/**
 * The known columns of organizations.csv (DATA-FORMAT.md §1) and the opt-in column, by file column
 * name. Domain field names (`refugeeLed`) match the same entries (see `normalize`).
 */
export const KNOWN_ATTRIBUTES: Readonly<Record<string, AttributeClass>> = {
  id: { visibility: 'private', reason: 'internal identifier; releases use fresh ids' },
  name: { visibility: 'opt-in', reason: 'published only when public_name is true' },
  kind: { visibility: 'public', reason: 'category: NGO or public institution' },
  type: { visibility: 'public', reason: 'category: institution or NGO type' },
  city: { visibility: 'public', reason: 'category' },
  district: { visibility: 'public', reason: 'descriptive; not used by the public view' },
  focus: { visibility: 'public', reason: 'category: fields of work' },
  founded: { visibility: 'public', reason: 'descriptive; not used by the public view' },
  refugee_led: {
    visibility: 'private',
    reason: 'who is refugee-led can expose people at risk',
  },
  [PUBLIC_NAME_COLUMN]: { visibility: 'private', reason: 'the consent flag itself is not published' },
};

/**
 * Columns that look like contact details or people: private whatever the file calls them. Matched on
 * the normalized name (lower case, letters and digits only), in English and Turkish.
 */
const CONTACT_PATTERNS: readonly RegExp[] = [
  /e?mail/,
  /eposta/,
  /phone/,
  /telefon/,
  /^tel/,
  /mobile/,
  /gsm/,
  /fax/,
  /whatsapp/,
  /contact/,
  /iletisim/,
  /address/,
  /adres/,
  /website/,
  /^web/,
  /url$/,
  /homepage/,
  /twitter|facebook|instagram|linkedin|social/,
  /person/,
  /kisi/,
  /yetkili/,
  /representative/,
  /director|manager|coordinator|chair|president|baskan|mudur/,
  /firstname|lastname|surname|fullname|^ad$|^soyad|adsoyad/,
  /passport|tckimlik|identity|kimlik/,
];

/** `refugee_led`, `refugeeLed` and `Refugee-Led` are the same attribute. */
function normalize(column: string): string {
  return column
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '');
}

const KNOWN_BY_NORMAL = new Map(
  Object.entries(KNOWN_ATTRIBUTES).map(([column, rule]) => [normalize(column), rule]),
);

/** The class of an organization attribute, by column or field name. Unknown columns are private. */
export function classifyAttribute(column: string): AttributeClass {
  const key = normalize(column);
  const known = KNOWN_BY_NORMAL.get(key);
  if (known) return known;
  if (CONTACT_PATTERNS.some((pattern) => pattern.test(key))) {
    return { visibility: 'private', reason: 'contact details or a person' };
  }
  return { visibility: 'private', reason: 'not a known public attribute: private by default' };
}

export function isPublicAttribute(column: string): boolean {
  return classifyAttribute(column).visibility === 'public';
}

/** True for attributes never published (everything neither `public` nor `opt-in`). */
export function isPrivateAttribute(column: string): boolean {
  return classifyAttribute(column).visibility === 'private';
}
