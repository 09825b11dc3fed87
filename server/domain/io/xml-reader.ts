/**
 * Safe, position-aware XML reading shared by the GEXF and GraphML readers: a strict streaming parser
 * (saxes) whose events carry the line of each start tag, behind checks that run before any parsing.
 *
 * Refused before parsing, with the line:
 * - any `<!DOCTYPE` or `<!ENTITY` (XML 1.0 §2.8, §4.2): a DTD is how entity-expansion bombs ("billion
 *   laughs") and external entities (XXE: reading local files, fetching URLs) get in, and neither
 *   GEXF nor GraphML needs one. Without a DTD only the five predefined entities and character
 *   references exist, so nothing can expand. (OWASP XML External Entity Prevention Cheat Sheet.)
 * - a value (attribute value or text) longer than MAX_VALUE_LENGTH: found as a run without `<`,
 *   which neither can contain, so the check is one native scan instead of parsing megabytes first.
 * - an XML declaration naming an encoding other than UTF-8: the text was decoded as UTF-8.
 *
 * Well-formedness errors are fatal (XML 1.0 §1.2): the first one is reported and reading stops.
 * Pure: takes the file's text.
 */
import { SaxesParser } from 'saxes';
import type { InputIssue } from '../../errors.js';
import { MAX_VALUE_LENGTH, formatCount } from './csv-rows.js';

export interface XmlElement {
  /** The name as written, e.g. `node`, `viz:color`, `y:NodeLabel`. */
  readonly name: string;
  /** The name without its prefix: `color`, `NodeLabel`. */
  readonly local: string;
  /** The prefix, '' when there is none (GEXF and GraphML elements are unprefixed). */
  readonly prefix: string;
  /** Attributes by name as written; a Map, so no attribute name can reach a prototype. */
  readonly attributes: ReadonlyMap<string, string>;
  /** 1-based line of the start tag's `<`. */
  readonly line: number;
}

export interface XmlHandlers {
  /** A start tag; `parents` are the open elements around it, outermost first. */
  open?(element: XmlElement, parents: readonly XmlElement[]): void;
  /** An end tag, with the text directly inside the element (not inside its children). */
  close?(element: XmlElement, text: string, parents: readonly XmlElement[]): void;
}

/** Thrown by a handler to stop reading with one issue (e.g. too many nodes). */
export class XmlStop extends Error {
  constructor(readonly issue: InputIssue) {
    super(issue.reason);
    this.name = 'XmlStop';
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** The first reason to refuse `text` without parsing it, or undefined. */
export function unsafeXmlIssue(file: string, text: string): InputIssue | undefined {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration !== null) {
    return {
      file,
      line: lineAt(text, declaration.index),
      reason:
        `the file contains a <!${declaration[1]?.toUpperCase()} declaration; Köprü refuses XML with a DTD or ` +
        'entity declarations, since they can expand without limit or read other files. GEXF and GraphML need ' +
        'neither: delete the declaration and import again',
    };
  }
  // Every attribute value and every text node lies between two `<`.
  let previous = -1;
  for (let at = text.indexOf('<'); ; at = text.indexOf('<', at + 1)) {
    const end = at === -1 ? text.length : at;
    if (end - previous > MAX_VALUE_LENGTH + 1) {
      return {
        file,
        line: lineAt(text, previous + 1),
        reason: `a value is longer than ${formatCount(MAX_VALUE_LENGTH)} characters, the most Köprü reads`,
      };
    }
    if (at === -1) break;
    previous = at;
  }
  return undefined;
}

function splitName(name: string): { local: string; prefix: string } {
  const colon = name.indexOf(':');
  return colon === -1
    ? { local: name, prefix: '' }
    : { local: name.slice(colon + 1), prefix: name.slice(0, colon) };
}

/**
 * Reads `text` as XML, calling `handlers` for each element. Returns the fatal issue that stopped
 * reading (unsafe content, not well-formed, or an `XmlStop` thrown by a handler), or undefined
 * when the whole document was read.
 */
export function readXml(file: string, source: string, handlers: XmlHandlers): InputIssue | undefined {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const unsafe = unsafeXmlIssue(file, text);
  if (unsafe !== undefined) return unsafe;

  const parser = new SaxesParser({ position: true });
  const stack: { element: XmlElement; text: string[] }[] = [];
  const parents = (): XmlElement[] => stack.map((entry) => entry.element);
  let startLine = 1;

  parser.on('xmldecl', (declaration) => {
    const encoding = declaration.encoding?.toLowerCase().replace(/[-_]/g, '');
    if (encoding !== undefined && encoding !== 'utf8') {
      throw new XmlStop({
        file,
        line: parser.line,
        reason: `the file declares encoding="${declaration.encoding}"; save it as UTF-8 and import again`,
      });
    }
  });
  parser.on('opentagstart', () => {
    // The event comes after the name: when a newline ended it, the tag started on the line before.
    startLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const [name, value] of Object.entries(tag.attributes)) attributes.set(name, String(value));
    const element: XmlElement = { name: tag.name, ...splitName(tag.name), attributes, line: startLine };
    handlers.open?.(element, parents());
    stack.push({ element, text: [] });
  });
  parser.on('text', (chunk) => {
    stack.at(-1)?.text.push(chunk);
  });
  parser.on('cdata', (chunk) => {
    stack.at(-1)?.text.push(chunk);
  });
  parser.on('closetag', () => {
    const entry = stack.pop();
    if (entry !== undefined) handlers.close?.(entry.element, entry.text.join(''), parents());
  });
  parser.on('error', (error) => {
    // saxes prefixes its messages with "line:column: ".
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new XmlStop({ file, line: parser.line, reason: `the file is not well-formed XML: ${message}` });
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlStop) return error.issue;
    throw error;
  }
  return undefined;
}
