/**
 * The OpenAPI document at /api/openapi.json: every route createApp mounts is in it and every operation
 * in it is mounted (so a new route cannot go undocumented), and it is well-formed OpenAPI 3.1
 * (checked structurally here; `schemathesis` was run against it once, see README).
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../../server/http/openapi/document.js';
import { mountedRoutes } from '../../support/express-routes.js';
import { appWithoutDatabase } from './test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const app = appWithoutDatabase();
let doc: Json;

beforeAll(async () => {
  const res = await request(app).get('/api/openapi.json').expect(200);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  doc = res.body;
});

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function documented(): string[] {
  return Object.entries(doc.paths as Json)
    .flatMap(([path, item]) =>
      Object.keys(item as Json)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('GET /api/openapi.json', () => {
  it('documents exactly the routes createApp mounts', () => {
    const mounted = mountedRoutes(app)
      .filter((r) => r.split(' ')[1]!.startsWith('/api/'))
      .map((r) => {
        const [method, path] = r.split(' ');
        return `${method} ${openApiPath(path!)}`;
      });
    expect(mounted.length).toBeGreaterThanOrEqual(15);
    expect(documented()).toEqual(mounted);
  });

  it('is structurally valid OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Köprü API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    const operationIds = new Set<string>();
    const refs: string[] = [];
    JSON.stringify(doc, (key, value) => {
      if (key === '$ref') refs.push(value as string);
      return value;
    });
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/(schemas|responses)\//);
      const [, , kind, name] = ref.split('/');
      expect(doc.components[kind!][name!], ref).toBeDefined();
    }
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      expect(path.startsWith('/')).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item as Json)) {
        expect(METHODS).toContain(method);
        expect(typeof op.operationId).toBe('string');
        expect(operationIds.has(op.operationId), op.operationId).toBe(false);
        operationIds.add(op.operationId);
        expect(op.summary.length).toBeGreaterThan(0);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses as Json)) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof response.description === 'string' || typeof response.$ref === 'string').toBe(true);
        }
        const pathParams = (op.parameters as Json[]).filter((p) => p.in === 'path').map((p) => p.name);
        expect(pathParams.sort(), `${method} ${path}`).toEqual([...templated].sort());
        for (const parameter of op.parameters as Json[]) {
          expect(['query', 'path', 'header', 'cookie']).toContain(parameter.in);
          expect(typeof parameter.name).toBe('string');
          expect(typeof parameter.schema).toBe('object');
          if (parameter.in === 'path') expect(parameter.required).toBe(true);
          expect(JSON.stringify(parameter.schema)).not.toContain('$schema');
        }
        if (op.requestBody) expect(op.requestBody.content['application/json'].schema.type).toBe('object');
      }
    }
  });

  it('describes inputs from the zod schemas: strict bodies, enums, bounds', () => {
    const compare = doc.paths['/api/compare'].get.parameters as Json[];
    expect(compare.find((p) => p.name === 'from')).toMatchObject({
      required: true,
      schema: { type: 'string' },
    });
    expect(compare.find((p) => p.name === 'mode')!.schema.enum).toEqual([
      'undirected',
      'directed',
      'reciprocated',
    ]);
    expect(compare.find((p) => p.name === 'permutations')!.schema.pattern).toBe('^\\d+$');
    const body = doc.paths['/api/uploads/commit'].post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['files']);
    expect(body.properties.files.additionalProperties).toEqual({ type: 'string' });
    expect(doc.paths['/api/report'].get.responses['200'].content['text/html']).toBeDefined();
  });
});
