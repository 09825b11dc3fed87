/**
 * A static check against Cypher injection (OWASP API8:2023, security misconfiguration / injection).
 * The project's rule: every query is a file in cypher/ loaded by name with `cypher('name')`, values only
 * as $parameters. This scanner reads TypeScript with the compiler's parser and reports:
 *
 * - a `.run(q, …)` / `.executeQuery(q, …)` on a database handle (driver, session, tx) whose `q` is not
 *   traceable to `cypher('<literal>')` or `schemaStatements()`: inline text, a template with `${}`,
 *   `+` concatenation, `.concat/.replace/.join`, or a variable/parameter built from any of these;
 * - `cypher(x)` with a name that is not a plain string literal (a name built at run time could pick
 *   any file, and hides which files are used);
 * - any string or template literal in the code that reads like Cypher (two clauses such as
 *   MATCH … RETURN): Cypher belongs in cypher/, not in strings.
 *
 * For the .cypher files: no `${…}` placeholders, no dynamic execution or file/network access
 * (apoc.cypher.*, apoc.periodic.*, apoc.do/when, apoc.load/import, LOAD CSV, dbms.*), and every
 * $parameter listed in the header comment.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  reason: string;
  text: string;
}

const QUERY_METHODS = new Set(['run', 'executeQuery']);
/** Receivers that are database handles: driver, session, tx, transaction (also as `this.driver`…). */
const DB_RECEIVER = /(^|\.)(driver|session|tx|transaction|\w*(Driver|Session|Tx|Transaction))$/;
const CYPHER_CLAUSES =
  /\b(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|RETURN|DETACH DELETE|DELETE|SET|REMOVE|WITH|CALL|WHERE|FOREACH|LOAD CSV)\b/g;
const SAFE_SOURCES = new Set(['cypher', 'schemaStatements']);

type Verdict = { safe: true } | { safe: false; reason: string };
const SAFE: Verdict = { safe: true };

/** Whether a literal's text reads like a Cypher statement: two different clauses and a pattern or a parameter. */
export function looksLikeCypher(text: string): boolean {
  const clauses = new Set([...text.matchAll(CYPHER_CLAUSES)].map((m) => m[1]));
  return clauses.size >= 2 && /\(\s*\w*\s*(:\s*\w+)?[^)]*\)|\$\w+/.test(text);
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

class FileScanner {
  readonly findings: Finding[] = [];
  private readonly sf: ts.SourceFile;

  constructor(
    private readonly file: string,
    source: string,
  ) {
    this.sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  }

  scan(): Finding[] {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.checkCall(node);
      if (
        (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
        looksLikeCypher(node.text)
      ) {
        this.report(
          node,
          'Cypher text in the code: put the statement in cypher/queries/ and load it by name',
        );
      }
      if (ts.isTemplateExpression(node)) {
        const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
        if (looksLikeCypher(text)) this.report(node, 'Cypher built by template interpolation');
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
    return this.findings;
  }

  private report(node: ts.Node, reason: string): void {
    const { line } = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
    this.findings.push({
      file: this.file,
      line: line + 1,
      reason,
      text: node.getText(this.sf).slice(0, 160),
    });
  }

  private checkCall(call: ts.CallExpression): void {
    const name = calleeName(call);
    if (name === 'cypher' && ts.isIdentifier(call.expression)) {
      const [arg] = call.arguments;
      if (!arg || !ts.isStringLiteral(arg))
        this.report(call, 'cypher() needs the query name as a plain string literal');
      return;
    }
    if (name === null || !QUERY_METHODS.has(name) || !ts.isPropertyAccessExpression(call.expression)) return;
    const receiver = call.expression.expression.getText(this.sf);
    const [query] = call.arguments;
    if (!query) return;
    const dbHandle = DB_RECEIVER.test(receiver);
    // Text that is plainly inline or built is refused whatever the receiver; variables are traced
    // only on database handles (`command.run(args)` elsewhere is not a query).
    const verdict = this.classify(query, new Set(), dbHandle);
    if (!verdict.safe) this.report(call, `${receiver}.${name}(): ${verdict.reason}`);
  }

  /** Where a query text comes from: only cypher('literal') and schemaStatements() are safe. */
  private classify(expr: ts.Expression, seen: Set<ts.Node>, trace: boolean): Verdict {
    if (seen.has(expr)) return SAFE;
    seen.add(expr);
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
      return this.classify(expr.expression, seen, trace);
    }
    if (ts.isAwaitExpression(expr)) return this.classify(expr.expression, seen, trace);
    if (ts.isTemplateExpression(expr))
      return { safe: false, reason: 'query text built by template interpolation' };
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      return { safe: false, reason: 'inline query text; load it from cypher/ by name' };
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return { safe: false, reason: 'query text built by + concatenation' };
    }
    if (ts.isConditionalExpression(expr)) {
      const a = this.classify(expr.whenTrue, seen, trace);
      return a.safe ? this.classify(expr.whenFalse, seen, trace) : a;
    }
    if (ts.isCallExpression(expr)) {
      const name = calleeName(expr);
      if (name !== null && SAFE_SOURCES.has(name) && ts.isIdentifier(expr.expression)) {
        const [arg] = expr.arguments;
        return name === 'schemaStatements' || (arg && ts.isStringLiteral(arg))
          ? SAFE
          : { safe: false, reason: 'cypher() with a computed name' };
      }
      if (name !== null && ['concat', 'replace', 'replaceAll', 'join', 'padEnd', 'padStart'].includes(name)) {
        return { safe: false, reason: `query text built with .${name}()` };
      }
      return trace
        ? { safe: false, reason: `query text from ${name ?? 'a call'}(), not from cypher('…')` }
        : SAFE;
    }
    if (
      ts.isPropertyAccessExpression(expr) &&
      ts.isIdentifier(expr.expression) &&
      expr.name.text === 'text'
    ) {
      return this.classifyIdentifier(expr.expression, seen, trace);
    }
    if (ts.isIdentifier(expr)) return this.classifyIdentifier(expr, seen, trace);
    return trace ? { safe: false, reason: 'query text of unknown origin' } : SAFE;
  }

  private classifyIdentifier(id: ts.Identifier, seen: Set<ts.Node>, trace: boolean): Verdict {
    if (!trace) return SAFE;
    const declarations = this.declarationsOf(id);
    if (declarations.length === 0)
      return { safe: false, reason: `cannot trace \`${id.text}\` to cypher('…')` };
    for (const decl of declarations) {
      const verdict = this.classifyDeclaration(decl, id.text, seen);
      if (!verdict.safe) return verdict;
    }
    return SAFE;
  }

  private classifyDeclaration(decl: ts.Node, name: string, seen: Set<ts.Node>): Verdict {
    if (ts.isVariableDeclaration(decl)) {
      return decl.initializer
        ? this.classify(decl.initializer, seen, true)
        : { safe: false, reason: `\`${name}\` is assigned later; cannot trace it` };
    }
    if (ts.isBindingElement(decl)) {
      // for (const { text } of schemaStatements())
      let node: ts.Node = decl;
      while (node.parent && !ts.isForOfStatement(node.parent) && !ts.isVariableDeclaration(node.parent))
        node = node.parent;
      const owner = node.parent;
      if (owner && ts.isVariableDeclaration(owner)) node = owner;
      const forOf = node.parent?.parent;
      if (forOf && ts.isForOfStatement(forOf)) return this.classify(forOf.expression, seen, true);
      if (owner && ts.isVariableDeclaration(owner) && owner.initializer)
        return this.classify(owner.initializer, seen, true);
      return { safe: false, reason: `cannot trace \`${name}\`` };
    }
    if (ts.isParameter(decl)) {
      const fn = decl.parent;
      const index = fn.parameters.indexOf(decl);
      const fnName = this.functionName(fn);
      if (fnName === null)
        return { safe: false, reason: `\`${name}\` is a parameter of an anonymous function` };
      const calls = this.callsTo(fnName);
      if (calls.length === 0)
        return { safe: false, reason: `no call of ${fnName}() in this file to trace \`${name}\`` };
      for (const call of calls) {
        const arg = call.arguments[index];
        if (!arg) continue;
        const verdict = this.classify(arg, seen, true);
        if (!verdict.safe) return { safe: false, reason: `${verdict.reason} (passed to ${fnName}())` };
      }
      return SAFE;
    }
    return { safe: false, reason: `cannot trace \`${name}\`` };
  }

  private functionName(fn: ts.SignatureDeclaration): string | null {
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name))
      return fn.name.text;
    if (
      (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
      ts.isVariableDeclaration(fn.parent) &&
      ts.isIdentifier(fn.parent.name)
    ) {
      return fn.parent.name.text;
    }
    return null;
  }

  private callsTo(name: string): ts.CallExpression[] {
    const out: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && calleeName(node) === name) out.push(node);
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
    return out;
  }

  /** Declarations of `id`'s name visible from it: walks out through the enclosing scopes. */
  private declarationsOf(id: ts.Identifier): ts.Node[] {
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      const found: ts.Node[] = [];
      const look = (node: ts.Node): void => {
        if (
          (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) &&
          ts.isIdentifier(node.name) &&
          node.name.text === id.text
        ) {
          found.push(node);
        }
        // Do not descend into nested functions: their declarations are not visible here.
        if (node !== scope && ts.isFunctionLike(node) && !isAncestor(node, id)) return;
        ts.forEachChild(node, look);
      };
      if (ts.isFunctionLike(scope)) scope.parameters.forEach(look);
      if (
        ts.isBlock(scope) ||
        ts.isSourceFile(scope) ||
        ts.isForOfStatement(scope) ||
        ts.isFunctionLike(scope)
      ) {
        ts.forEachChild(scope, (child) => {
          if (
            ts.isVariableStatement(child) ||
            ts.isForOfStatement(child) ||
            ts.isVariableDeclarationList(child)
          )
            look(child);
        });
        if (ts.isForOfStatement(scope)) look(scope.initializer);
      }
      if (found.length > 0) return found;
    }
    return [];
  }
}

function isAncestor(node: ts.Node, of: ts.Node): boolean {
  for (let n: ts.Node | undefined = of; n; n = n.parent) if (n === node) return true;
  return false;
}

export function scanTypeScript(file: string, source: string): Finding[] {
  return new FileScanner(file, source).scan();
}

const FORBIDDEN_IN_CYPHER: [RegExp, string][] = [
  [/\$\{/, 'a ${…} placeholder: values only as $parameters'],
  [/\bapoc\.cypher\./i, 'apoc.cypher.*: runs a query string built at run time'],
  [/\bapoc\.periodic\./i, 'apoc.periodic.*: runs a query string'],
  [/\bapoc\.(do|when|case)\b/i, 'apoc.do/when/case: runs a query string'],
  [/\bapoc\.(load|import)\./i, 'apoc.load/import: reads files or URLs'],
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV: reads files or URLs'],
  // dbms.components() only reports the version (the health check uses it).
  [/\bdbms\.(?!components\b)/i, 'dbms.*: administration procedures'],
];

export function scanCypher(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  const header = lines.filter((l) => l.trimStart().startsWith('//')).join('\n');
  lines.forEach((line, i) => {
    if (line.trimStart().startsWith('//')) return;
    for (const [pattern, reason] of FORBIDDEN_IN_CYPHER) {
      if (pattern.test(line)) findings.push({ file, line: i + 1, reason, text: line.trim() });
    }
    for (const match of line.matchAll(/\$(\w+)/g)) {
      if (!new RegExp(`\\$${match[1]}\\b`).test(header)) {
        findings.push({
          file,
          line: i + 1,
          reason: `$${match[1]} is not listed in the header comment`,
          text: line.trim(),
        });
      }
    }
  });
  return findings;
}
