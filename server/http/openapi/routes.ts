/**
 * Every route under /api, in the order of the README. One `route(…)` per route (see `registry.ts`);
 * other features add theirs to `API_ROUTES` the same way.
 */
import { z } from 'zod';
import { CompareQuery, IsolatedQuery, MetricsQuery } from '../schemas/analysis.js';
import { NoQuery } from '../schemas/common.js';
import { GraphQuery } from '../schemas/graph.js';
import { OrganizationIdParam, OrganizationListQuery } from '../schemas/organizations.js';
import { ReportQuery } from '../schemas/report.js';
import { UploadBody } from '../schemas/uploads.js';
import { route, type RouteSpec } from './registry.js';

const NO_DATASET = 'No dataset has been imported yet';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({
    connected: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable().optional(),
    embedded: z.boolean(),
  }),
});

export const API_ROUTES: RouteSpec[] = [
  route('get', '/health', 'Is the server up and can it reach the database?', {
    tag: 'service',
    query: NoQuery,
    responses: {
      200: { description: 'Up, database connected', schema: Health },
      503: { description: 'The database cannot be reached (Retry-After)', schema: Health },
    },
  }),
  route('get', '/openapi.json', 'This OpenAPI 3.1 document', {
    tag: 'service',
    query: NoQuery,
    responses: { 200: 'The document' },
  }),
  route('get', '/dataset', 'What the current dataset holds (counts, name, whether synthetic)', {
    tag: 'dataset',
    query: NoQuery,
    responses: { 200: 'Counts of the dataset; zeros when none was imported' },
  }),
  route('get', '/waves', 'The survey waves in date order, with reported ties and respondents', {
    tag: 'dataset',
    query: NoQuery,
    responses: { 200: '`{ waves }`' },
  }),
  route('get', '/events', 'The events with their attendance counts', {
    tag: 'dataset',
    query: NoQuery,
    responses: { 200: '`{ events }`' },
  }),
  route('get', '/organizations', 'Organizations, filtered; Turkish-aware search in `q`', {
    tag: 'organizations',
    query: OrganizationListQuery,
    responses: { 200: '`{ organizations, count }`' },
  }),
  route('get', '/organizations/:id', 'One organization with its ties per wave and events', {
    tag: 'organizations',
    params: OrganizationIdParam,
    query: NoQuery,
    responses: { 200: 'The organization', 404: 'No organization with that id' },
  }),
  route('get', '/graph', 'One wave as graphology serialized JSON (every organization, isolates too)', {
    tag: 'analysis',
    query: GraphQuery,
    responses: { 200: 'The graph', 404: NO_DATASET },
  }),
  route('get', '/metrics/registry', 'The metrics the server computes, with their outputs', {
    tag: 'analysis',
    query: NoQuery,
    responses: { 200: '`{ metrics }`' },
  }),
  route('get', '/metrics', 'Every metric of one wave', {
    tag: 'analysis',
    query: MetricsQuery,
    responses: { 200: 'Network and node metrics', 404: NO_DATASET },
  }),
  route('get', '/compare', 'What changed between two waves, with QAP and the density test', {
    tag: 'analysis',
    query: CompareQuery,
    responses: { 200: 'The comparison', 404: NO_DATASET },
  }),
  route('get', '/isolated', 'Isolated and peripheral organizations with introduction suggestions', {
    tag: 'analysis',
    query: IsolatedQuery,
    responses: { 200: 'The isolated organizations', 404: NO_DATASET },
  }),
  route(
    'post',
    '/uploads/preview',
    'Validate files and compare them with the current dataset; writes nothing',
    {
      tag: 'uploads',
      query: NoQuery,
      body: UploadBody,
      responses: {
        200: '`{ ok, format, counts, errors, changes }`; invalid files give ok: false with every problem',
        413: 'Body, a file or the number of files over the limit',
      },
    },
  ),
  route('post', '/uploads/commit', 'Import files, all or nothing', {
    tag: 'uploads',
    query: NoQuery,
    body: UploadBody,
    responses: {
      200: '`{ format, counts, changes, written, importId, datasetVersion }`',
      413: 'Body, a file or the number of files over the limit',
    },
  }),
  route('get', '/report', 'The evaluation report as one self-contained HTML file', {
    tag: 'report',
    query: ReportQuery,
    responses: {
      200: { description: 'The HTML report (an attachment)', contentType: 'text/html' },
      404: NO_DATASET,
    },
  }),
];
