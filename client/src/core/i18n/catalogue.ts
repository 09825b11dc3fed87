/**
 * Message catalogues: nested JSON objects whose leaves are strings. Pure functions to flatten them to
 * dotted keys, to find keys missing from either language (the check script and its unit test use the
 * same function), and to format one message with `{name}` placeholders and plural forms.
 *
 * Plurals: a message may be an object of CLDR plural categories (`one`, `other`, …); the category comes
 * from Intl.PluralRules for the locale and the `count` parameter. Turkish uses `other` only, which is why
 * a missing `one` in tr.json is not an error but a missing `other` is.
 */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function isPluralGroup(value: Catalogue): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.includes('other') && keys.every((key) => PLURAL_CATEGORIES.has(key));
}

/** Dotted keys of every message; a plural group counts as one key. */
export function flattenKeys(catalogue: Catalogue, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string' || isPluralGroup(value)) keys.push(path);
    else keys.push(...flattenKeys(value, path));
  }
  return keys;
}

export interface CatalogueDifference {
  /** Keys of `a` that `b` lacks. */
  missingInB: string[];
  /** Keys of `b` that `a` lacks. */
  missingInA: string[];
  /** Keys whose placeholders differ between the two (a translation that forgot `{count}`). */
  placeholderMismatch: string[];
}

function placeholders(value: string | Catalogue | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : ((value.other as string | undefined) ?? '');
  return [...new Set(text.match(/\{[a-zA-Z0-9_]+\}/g) ?? [])].sort().join(',');
}

/** Compares two catalogues key by key (the locale check). */
export function compareCatalogues(a: Catalogue, b: Catalogue): CatalogueDifference {
  const keysA = new Set(flattenKeys(a));
  const keysB = new Set(flattenKeys(b));
  const placeholderMismatch = [...keysA]
    .filter((key) => keysB.has(key) && placeholders(lookup(a, key)) !== placeholders(lookup(b, key)))
    .sort();
  return {
    missingInB: [...keysA].filter((key) => !keysB.has(key)).sort(),
    missingInA: [...keysB].filter((key) => !keysA.has(key)).sort(),
    placeholderMismatch,
  };
}

export function lookup(catalogue: Catalogue, key: string): string | Catalogue | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

export type MessageParams = Record<string, string | number>;

function interpolate(text: string, params: MessageParams): string {
  return text.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key`, placeholders filled. A missing key returns the key itself, so a gap shows up
 * on screen (and in the e2e screenshots) instead of an empty label.
 */
export function formatMessage(
  catalogue: Catalogue,
  locale: string,
  key: string,
  params: MessageParams = {},
  /** Already formatted values to show instead of the raw ones (e.g. `count` as "1.234"). */
  display: MessageParams = {},
): string {
  const value = lookup(catalogue, key);
  if (value === undefined) return key;
  const shown = { ...params, ...display };
  if (typeof value === 'string') return interpolate(value, shown);
  if (!isPluralGroup(value)) return key;
  const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
  const category = new Intl.PluralRules(locale).select(count);
  const form = value[category] ?? value.other;
  return typeof form === 'string' ? interpolate(form, shown) : key;
}
