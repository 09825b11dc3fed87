/**
 * Every route under /api, in the order of the README. One `route(…)` per route (see `registry.ts`);
 * other features add theirs to `API_ROUTES` the same way.
 */
import { z } from 'zod';
import { AddUserBody, AuditQuery, ChangeUserBody, LoginBody, UserNameParam } from '../schemas/accounts.js';
import { CompareQuery, IsolatedQuery, MetricsQuery } from '../schemas/analysis.js';
import { NoQuery } from '../schemas/common.js';
import { GraphQuery } from '../schemas/graph.js';
import { JobParams } from '../schemas/jobs.js';
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
  route('get', '/jobs/:id', 'A long analysis started with 202: its status, progress and, once done, result', {
    tag: 'analysis',
    params: JobParams,
    query: NoQuery,
    responses: {
      200: '`{ job: { id, kind, status, progress, … } }`, with `result` once done',
      404: 'No such job',
    },
  }),
  route('delete', '/jobs/:id', 'Cancel a long analysis', {
    tag: 'analysis',
    params: JobParams,
    query: NoQuery,
    responses: { 200: '`{ job }`, cancelled', 404: 'No such job' },
  }),
  route('get', '/session', 'Who is asking: mode (local or accounts), role, user and CSRF token', {
    tag: 'accounts',
    query: NoQuery,
    responses: { 200: '`{ mode, role, user, csrfToken }`' },
  }),
  route('post', '/session', 'Sign in; sets the HttpOnly session cookie', {
    tag: 'accounts',
    query: NoQuery,
    body: LoginBody,
    responses: {
      200: '`{ mode, role, user, csrfToken }`',
      401: 'Wrong user name or password (the same answer for every cause)',
      429: 'Too many sign-in attempts from this address',
    },
  }),
  route('delete', '/session', 'Sign out: ends the session on the server and clears the cookie', {
    tag: 'accounts',
    query: NoQuery,
    responses: { 204: 'Signed out' },
  }),
  route('get', '/users', 'The accounts (admin)', {
    tag: 'accounts',
    query: NoQuery,
    responses: { 200: '`{ users: [{ name, role, created, lockedUntil }] }`' },
  }),
  route('post', '/users', 'Add an account (admin)', {
    tag: 'accounts',
    query: NoQuery,
    body: AddUserBody,
    responses: { 201: '`{ name, role }`', 409: 'An account with that name exists' },
  }),
  route('patch', '/users/:name', "Change an account's role or password (admin)", {
    tag: 'accounts',
    params: UserNameParam,
    query: NoQuery,
    body: ChangeUserBody,
    responses: { 200: '`{ name }`', 404: 'No such account', 409: 'Would leave no admin' },
  }),
  route('delete', '/users/:name', 'Remove an account and end its sessions (admin)', {
    tag: 'accounts',
    params: UserNameParam,
    query: NoQuery,
    responses: { 204: 'Removed', 404: 'No such account', 409: 'Would leave no admin' },
  }),
  route('get', '/audit', 'The audit log, newest first (admin)', {
    tag: 'accounts',
    query: AuditQuery,
    responses: { 200: '`{ total, offset, limit, events: [{ id, at, actor, action, details }] }`' },
  }),
  route('get', '/public/map', 'The latest published, aggregated public map (never the live database)', {
    tag: 'public',
    query: NoQuery,
    responses: { 200: 'The public release', 404: 'Nothing has been published yet' },
  }),
  route('get', '/public/releases', 'Metadata of the published releases', {
    tag: 'public',
    query: NoQuery,
    responses: { 200: '`{ releases }`' },
  }),
  route('post', '/publications', 'Publish a new aggregated, anonymised release (coordinator)', {
    tag: 'public',
    query: NoQuery,
    responses: { 201: '`{ id, publishedAt, datasetVersion, counts, url }`', 404: NO_DATASET },
  }),
  route('get', '/publications', 'The publications made so far (analyst)', {
    tag: 'public',
    query: NoQuery,
    responses: { 200: '`{ publications }`' },
  }),
];
