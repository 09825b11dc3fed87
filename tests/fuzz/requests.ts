/**
 * Random HTTP requests for fuzzing the API (fast-check): operations of the OpenAPI document with
 * valid-ish and invalid parameter values, unknown and prototype-polluting parameters, random paths and
 * methods, JSON bodies (random values, `__proto__`/`constructor` keys, deep nesting, the hostile-file
 * corpus as uploads), malformed JSON and wrong content types. Shared by `tests/http/fuzz.test.ts` (a
 * few hundred requests in `npm test`) and `tests/fuzz/run.ts` (`npm run fuzz`, thousands per role).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export interface FuzzRequest {
  method: string;
  /** Path and query string, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

type Json = Record<string, unknown>;

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOSTILE_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'hostile');

/** The hostile-file corpus as upload bodies' `files`: one entry per file, one per folder (a bundle). Bytes that are not UTF-8 become U+FFFD, as in a browser's `File.text()`. */
export function hostileUploads(): Record<string, string>[] {
  return readdirSync(HOSTILE_DIR)
    .filter((name) => !name.startsWith('.') && !/\.(md|py)$/.test(name))
    .map((name) => {
      const full = path.join(HOSTILE_DIR, name);
      if (statSync(full).isDirectory()) {
        return Object.fromEntries(
          readdirSync(full).map((file) => [`${name}/${file}`, readFileSync(path.join(full, file), 'utf8')]),
        );
      }
      return { [name]: readFileSync(full, 'utf8') };
    });
}

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
];

/** Strings meant to break things: injection attempts, odd Unicode, control characters, huge ones. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\t\n',
    "' OR 1=1 //",
    '") RETURN n //',
    '}) MATCH (n) DETACH DELETE n //',
    '$id',
    '${process.exit()}',
    '../../../../etc/passwd',
    '%00',
    '%',
    'İSTANBUL ıi Şş Ğğ',
    'e\u0301',
    '\u202Egnp.exe',
    '\uFEFF',
    '🌉',
    '0x10',
    '1e3',
    '-1',
    'NaN',
    'Infinity',
    'null',
    'true',
    '[]',
    '{}',
    ...PROTO_KEYS,
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on them). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: Json }[];
  body: Json | null;
}

export function operationsOf(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const content = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      ops.push({
        method: method.toUpperCase(),
        path: p,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: (content?.['application/json']?.schema as Json | undefined) ?? null,
      });
    }
  }
  return ops;
}

export interface FuzzOptions {
  /** Values of `permutations` a valid request may carry: a large one makes one request cost seconds. */
  permutations?: string[];
  /** Whether valid requests to the report may be made (each distinct one renders a document). */
  validReports?: boolean;
}

function valueFor(name: string, schema: Json, options: FuzzOptions): fc.Arbitrary<string> {
  const valid: fc.Arbitrary<string>[] = [];
  if (Array.isArray(schema.enum)) valid.push(fc.constantFrom(...(schema.enum as string[])));
  else if (name === 'permutations') valid.push(fc.constantFrom(...(options.permutations ?? ['1', '2', '3'])));
  else if (schema.pattern === '^\\d+$')
    valid.push(fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: 2 ** 31 })).map(String));
  else if (['wave', 'from', 'to'].includes(name))
    valid.push(fc.constantFrom('pre', 'post', 'pre ', 'PRE', 'mid'));
  else if (name === 'id') valid.push(fc.constantFrom('ngo-001', 'inst-001', 'ngo-999'));
  else valid.push(fc.constantFrom('istanbul', 'Gaziantep', 'ngo', 'type', 'city'));
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...valid) }, { weight: 2, arbitrary: nastyString });
}

function operationRequest(op: Operation, options: FuzzOptions): fc.Arbitrary<FuzzRequest> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const params = fc.tuple(
    ...query.map((p) =>
      fc.option(
        valueFor(p.name, p.schema, options).map((v) => [p.name, v] as const),
        {
          nil: undefined,
          freq: p.required ? 6 : 2,
        },
      ),
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PROTO_KEYS, 'debug', 'wave[]', 'a[b]'), fc.string({ maxLength: 10 })),
      nastyString,
    ),
    { maxLength: 2 },
  );
  // A parameter given twice arrives as an array.
  const duplicate = fc.option(fc.constantFrom(...(query.length ? query.map((p) => p.name) : ['x'])), {
    freq: 8,
  });
  const pathValues = fc.tuple(...pathParams.map((p) => valueFor(p.name, p.schema, options)));
  return fc
    .record({
      params,
      extra: fc.option(extra, { freq: 4 }),
      duplicate,
      pathValues,
      body: op.body ? uploadBody : fc.option(jsonBody, { freq: 6 }),
    })
    .filter((r) => options.validReports !== false || op.path !== '/api/report' || !isValidReport(r.params))
    .map((r) => {
      const pairs: (readonly [string, string])[] = [
        ...r.params.filter((x) => x !== undefined),
        ...(r.extra ?? []),
      ];
      if (r.duplicate !== null) pairs.push([r.duplicate, 'pre'], [r.duplicate, 'post']);
      let p = op.path;
      pathParams.forEach((param, i) => (p = p.replace(`{${param.name}}`, encode(r.pathValues[i] ?? ''))));
      const qs = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
      return {
        method: op.method,
        path: qs ? `${p}?${qs}` : p,
        headers: r.body ? r.body.headers : {},
        ...(r.body ? { body: r.body.body } : {}),
      };
    });
}

function isValidReport(params: readonly (readonly [string, string] | undefined)[]): boolean {
  const given = new Map(params.filter((x) => x !== undefined));
  return ['pre', 'post'].includes(given.get('from') ?? '') && ['pre', 'post'].includes(given.get('to') ?? '');
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** A raw JSON object text with a prototype-polluting key (JSON.stringify cannot write `__proto__` as an own key). */
const pollutingJson = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => `{"${key}":{"polluted":${JSON.stringify(value) ?? 'null'}},"files":{"${key}":"x"}}`);

const jsonBody: fc.Arbitrary<{ headers: Record<string, string>; body: string | Buffer }> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ headers: JSON_TYPE, body: JSON.stringify(v) ?? 'null' })),
  pollutingJson.map((body) => ({ headers: JSON_TYPE, body })),
  fc
    .constantFrom('{"files":', '{', '[', 'nul', '"\\ud800"', '{"a":1}}', '\u0000', '')
    .map((body) => ({ headers: JSON_TYPE, body })),
  fc.nat({ max: 5000 }).map((depth) => ({ headers: JSON_TYPE, body: '['.repeat(depth) + ']'.repeat(depth) })),
  fc.constantFrom(
    { headers: { 'content-type': 'text/plain' }, body: 'files=a' },
    {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'files[a.csv]=x&__proto__[x]=1',
    },
    {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="f"\r\n\r\nx\r\n--x--',
    },
    { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"files":{}}' },
    { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'not gzip at all' },
    { headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: '{}' },
  ),
);

const fileName = fc.oneof(
  fc.constantFrom(
    'organizations.csv',
    'ties.csv',
    'waves.csv',
    'a.gexf',
    'b.graphml',
    'c.json',
    'nodes.csv',
    'edges.csv',
    '../../etc/passwd',
    'bundle/ties.csv',
    '',
    '/',
    ...PROTO_KEYS,
  ),
  fc.string({ maxLength: 30 }),
);

const fileText = fc.oneof(
  fc.constantFrom(
    'id,name,kind\nngo-001,A (demo),ngo\n',
    'id,name,kind\na,"unterminated,ngo\n',
    'source,target,wave,level\na,b,pre,9\n',
    '<?xml version="1.0"?><gexf><graph><nodes><node id="a"/></nodes></graph></gexf>',
    '{"type":"kopru-dataset","version":1,"dataset":{"__proto__":{"x":1}}}',
    '=cmd|"/c calc"!A1,x,ngo\n',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

const uploadBody: fc.Arbitrary<{ headers: Record<string, string>; body: string | Buffer } | null> = fc.oneof(
  fc
    .record(
      {
        files: fc.oneof(
          fc.constantFrom(...hostileUploads()),
          fc.dictionary(fileName, fileText, { maxKeys: 5 }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        format: fc.oneof(fc.constantFrom('csv-bundle', 'edge-list', 'gexf', 'graphml', 'json'), nastyString),
        name: nastyString,
        // Never replace the dataset with what a fuzzer made up: commit with replace would empty it first.
        replace: fc.constantFrom(false, 'yes', 0, null),
        [PROTO_KEYS[1]!]: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['files'] },
    )
    .map((body) => ({ headers: JSON_TYPE, body: JSON.stringify(body) })),
  jsonBody,
  fc.constant(null),
);

const randomPath = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'api',
        'organizations',
        'graph',
        'uploads',
        'preview',
        'commit',
        'report',
        'metrics',
        'registry',
        '..',
        '%2e%2e',
        '%2F',
        '%00',
        '%',
        '%ZZ',
        'openapi.json',
        'index.html',
        '.env',
        'assets',
      ),
      fc.string({ maxLength: 12 }).map(encode),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((segments) => `/${segments.join('/')}`);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** Any request: an operation of the document, mutated, or a random one. */
export function fuzzRequests(doc: Json, options: FuzzOptions = {}): fc.Arbitrary<FuzzRequest> {
  const ops = operationsOf(doc);
  const random = fc
    .record({
      method: fc.constantFrom(...METHODS),
      path: fc.oneof(randomPath, fc.constantFrom(...ops.map((o) => o.path))),
      body: fc.option(jsonBody, { freq: 3 }),
    })
    .map(({ method, path: p, body }) => ({
      method,
      path: p,
      headers: body?.headers ?? {},
      ...(body ? { body: body.body } : {}),
    }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...ops.map((op) => operationRequest(op, options))) },
    { weight: 1, arbitrary: random },
  );
}

/** Sends one request as is (no normalising of the path) and reads the whole answer. */
export function send(
  base: URL,
  req: FuzzRequest,
  extraHeaders: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<FuzzResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const outgoing = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: {
          ...req.headers,
          ...extraHeaders,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** What must never be in an answer: a stack frame, Cypher, a driver error code, a server path. */
export function leaks(body: string): string | null {
  const patterns: [RegExp, string][] = [
    [/\n\s+at .+\(.+:\d+:\d+\)/, 'a stack trace'],
    [/Neo\.(ClientError|TransientError|DatabaseError)\./, 'a Neo4j error code'],
    [/Invalid input '[^']*': expected/, 'a Cypher syntax error'],
    [/cypher\/queries|\.cypher\b/, 'a Cypher file name'],
    [new RegExp(PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'a server path'],
    [/\.(ts|js):\d+:\d+/, 'a source position'],
  ];
  for (const [pattern, what] of patterns) if (pattern.test(body)) return what;
  return null;
}
