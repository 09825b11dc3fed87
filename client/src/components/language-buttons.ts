/**
 * The TR / EN switch of the top bar, shared by the app and the public map: one button per catalogue,
 * each named in its own language, pressed for the current locale.
 */
import { CATALOGUES, formatMessage, LOCALES, setLocale, type Locale } from '../core/i18n';
import { h } from './dom';

export function languageButtons(current: Locale): HTMLElement[] {
  return LOCALES.map((code) =>
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        lang: code,
        'aria-pressed': String(current === code),
        'data-testid': `lang-${code}`,
        // Keeps keyboard focus on the button across the redraw the switch causes.
        'data-focus-key': `lang-${code}`,
        title: formatMessage(CATALOGUES[code], code, 'app.languageName'),
        on: { click: () => setLocale(code) },
      },
      code.toUpperCase(),
    ),
  );
}
