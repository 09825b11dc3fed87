/**
 * Safe HTML (and inline SVG) building for the report. Organization names, wave labels, event types and
 * the dataset's name are user input, so the one way to build markup is the `html` tagged template:
 * every interpolated value is escaped unless it is already `SafeHtml` (built by `html` itself, or by
 * `raw` for the few constant strings of this module). Arrays are joined, null/undefined/false vanish.
 *
 * Escaping covers text and double-quoted attribute values alike (& < > " '), the two contexts the report
 * uses; it never interpolates into URLs, event handlers or <script> (there are none), and CSS gets its
 * own escaper for the one CSS string built from the locale catalogue (`cssString`).
 */

export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Trusted markup, as is. Only for constants of the report's own code, never for data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => renderValue(item)).join('');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return escapeHtml(String(value));
}

// Prettier formats `html` templates like HTML files; their indentation is only source layout. A newline
// followed by spaces renders exactly like a newline (HTML and SVG collapse white space, and the report has
// no <pre>), so the static parts lose it: a third of the file's size otherwise.
const DEDENTED = new WeakMap<TemplateStringsArray, string[]>();

function dedented(strings: TemplateStringsArray): string[] {
  let parts = DEDENTED.get(strings);
  if (parts === undefined) {
    parts = strings.map((part) => part.replace(/\n[ \t]+/g, '\n'));
    DEDENTED.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const parts = dedented(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]!) + parts[i + 1]!;
  return new SafeHtml(out);
}

/** Joins fragments with a (trusted) separator. */
export function join(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map((part) => renderValue(part)).join(separator));
}

/**
 * A CSS string literal (with its quotes) for `content:`. Everything but letters, digits and spaces is
 * written as a CSS hex escape, so neither a quote nor `</style>` can end the context.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /[\p{L}\p{N} ]/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** A short coordinate for SVG: one decimal is far below what print or screen can show. */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
