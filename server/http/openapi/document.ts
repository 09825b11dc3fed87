/**
 * Builds the OpenAPI 3.1 document from the route list. OpenAPI 3.1 schemas are JSON Schema 2020-12,
 * which is what `z.toJSONSchema` writes; inputs are described as clients send them (`io: 'input'`:
 * query values are strings before they are parsed). Query and path objects become one parameter per
 * property; unknown parameters and body fields are refused (400), which the document says.
 */
import { z } from 'zod';
import { ErrorBody } from '../schemas/common.js';
import type { ResponseSpec, RouteSpec } from './registry.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** `/organizations/:id` → `/organizations/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function response(spec: ResponseSpec | string): JsonSchema {
  const { description, schema, contentType } = typeof spec === 'string' ? { description: spec } : spec;
  const type = contentType ?? 'application/json';
  if (schema) return { description, content: { [type]: { schema: jsonSchema(schema) } } };
  if (type !== 'application/json')
    return { description, content: { [type]: { schema: { type: 'string' } } } };
  return { description, content: { [type]: {} } };
}

function operation(spec: RouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    responses[status] =
      Number(status) >= 400 ? { $ref: '#/components/responses/Error', ...descr(answer) } : response(answer);
  }
  if (spec.query || spec.params || spec.body) responses['400'] ??= { $ref: '#/components/responses/Error' };
  responses.default = { $ref: '#/components/responses/Error' };
  const op: JsonSchema = {
    operationId: `${spec.method}${openApiPath(spec.path)
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join('')}`,
    summary: spec.summary,
    tags: [spec.tag],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    responses,
  };
  if (spec.description) op.description = spec.description;
  if (spec.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } };
  }
  return op;
}

/** A `$ref` may carry a description of its own in OpenAPI 3.1. */
function descr(answer: ResponseSpec | string): { description?: string } {
  return { description: typeof answer === 'string' ? answer : answer.description };
}

export function buildOpenApiDocument(routes: readonly RouteSpec[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const key = `/api${openApiPath(spec.path)}`;
    const item = (paths[key] ??= {});
    if (item[spec.method]) throw new Error(`Route registered twice: ${spec.method.toUpperCase()} ${key}`);
    item[spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.1',
    info: {
      ...info,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody) },
      responses: {
        Error: {
          description:
            'An error: `{ error: { code, message, details } }`. 400 invalid input (unknown parameters and ' +
            'fields included), 403 foreign origin, 404, 413 too large, 415, 429 rate limit, 500, 503 database unavailable.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
