/**
 * Text → XML 1.0 (W3C XML 1.0 Fifth Edition §2.2 Characters, §2.4 Character data, §3.3.3
 * Attribute-value normalization): the escaping shared by the GEXF and GraphML writers.
 */

// Characters XML 1.0 cannot represent at all, even as references: C0 controls but tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. They are dropped (no dataset value needs them).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes `value` for element content; CR as a reference, since parsers turn CRLF into LF (§2.11). */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes `value` for a double-quoted attribute. Tab, LF and CR become character references, since
 * a parser turns literal ones into spaces (attribute-value normalization) and a multi-line name
 * must come back as it was.
 */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** ` name="value"` for each defined entry, in order. */
export function xmlAttributes(entries: readonly (readonly [string, string | undefined])[]): string {
  return entries
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`)
    .join('');
}
