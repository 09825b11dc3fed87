/** The interface languages. Turkish first: it is the language of most of Köprü's users. */
export const LOCALES = ['tr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale to start with: the link's, then the remembered one, then the browser's, then English. */
export function initialLocale(
  fromUrl: string | null,
  remembered: string | null,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(fromUrl)) return fromUrl;
  if (isLocale(remembered)) return remembered;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}
