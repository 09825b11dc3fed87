/**
 * The only reader of process.env. Parsed once with zod into a typed config; an invalid value
 * stops start-up with a message naming the variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ValidationError } from './errors.js';

/** Project root (where package.json lives), whether run from sources or from dist/. */
export const PROJECT_ROOT = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return here.includes(`${path.sep}dist${path.sep}`) || here.endsWith(`${path.sep}dist`)
    ? path.resolve(here, '..', '..')
    : path.resolve(here, '..');
})();

const port = z.coerce.number().int().min(1).max(65535);
/** A whole number written in decimal digits (an env value), within bounds. */
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
/** `https://host[:port]`, as a browser sends it in the Origin header. */
const origin = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/([^/\s:[\]]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/,
    'must be an origin such as https://example.org or http://localhost:5173',
  );

/**
 * Below this many organizations the in-process engine is faster than a round trip to GDS (projection,
 * one stream per measure, drop); above it, GDS's parallel in-database algorithms take over.
 */
export const GDS_MIN_NODES_DEFAULT = 20_000;

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  KOPRU_HOME: z.string().min(1).optional(),
  KOPRU_NEO4J_PORT: port.optional(),
  KOPRU_DATA: z.string().min(1).optional(),
  KOPRU_NO_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  KOPRU_GDS: z.enum(['0', '1', 'true', 'false']).optional(),
  KOPRU_GDS_MIN_NODES: whole(0, 1_000_000_000).default(GDS_MIN_NODES_DEFAULT),
  // Express `trust proxy`: `true`, a hop count, or addresses/subnets (`loopback`, `10.0.0.1`).
  TRUST_PROXY: z.string().trim().min(1).max(500).optional(),
  KOPRU_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').filter((part) => part.trim() !== ''))
    .pipe(z.array(origin)),
  KOPRU_RATE_LIMIT: whole(0, 10_000_000).default(60_000),
  KOPRU_RATE_LIMIT_HEAVY: whole(0, 10_000_000).default(120),
  KOPRU_JSON_LIMIT_KB: whole(1, 1024 * 1024).default(100),
  KOPRU_UPLOAD_LIMIT_MB: whole(1, 1024).default(50),
  KOPRU_UPLOAD_MAX_FILES: whole(1, 1000).default(20),
  KOPRU_REQUEST_TIMEOUT_S: whole(1, 3600).default(60),
  KOPRU_HEADERS_TIMEOUT_S: whole(1, 600).default(20),
});

export interface Neo4jConfig {
  /** Set: use this server (any Neo4j 5, cluster or Aura). Unset: start the embedded database. */
  uri: string | undefined;
  user: string;
  password: string | undefined;
  database: string;
  /** Folder of the embedded database, its password and logs. */
  home: string;
  /** Bolt port of the embedded database; undefined picks a free port. */
  embeddedPort: number | undefined;
  /** Load Graph Data Science into the embedded database (KOPRU_GDS=1); NEO4J_URI servers are probed. */
  gds: boolean;
  /** `auto` engine: wave graphs of at least this many organizations run their measures in GDS, when present. */
  gdsMinNodes: number;
}

/** Limits and policies of the HTTP layer (README, "Security and hardening"). */
export interface HttpConfig {
  /** Origins allowed to call the API from another site (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Requests per minute per client address on /api; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Requests per minute per client address on the costly routes (uploads, report); 0: off. */
  heavyRateLimitPerMinute: number;
  /** Largest JSON body outside uploads, in bytes. */
  jsonLimitBytes: number;
  /** Largest upload body (all files together, as JSON), in bytes; also the largest single file. */
  uploadLimitBytes: number;
  uploadMaxFiles: number;
  /** Time to receive a whole request, and its headers, in milliseconds (slow clients are cut off). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  /** Bundle loaded at start-up when the database holds no dataset. */
  demoBundle: string;
  loadDemoWhenEmpty: boolean;
  clientDist: string;
  /** Express's `trust proxy` (TRUST_PROXY); undefined when Köprü is not behind a proxy. */
  trustProxy: boolean | number | string | undefined;
  http: HttpConfig;
}

function trustProxyOf(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value === 'false' || value === '0') return undefined;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      column: issue.path.join('.'),
      reason: issue.message,
    }));
    throw new ValidationError(
      `Invalid environment: ${issues.map((i) => `${i.column} (${i.reason})`).join('; ')}`,
      issues,
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      home: path.resolve(e.KOPRU_HOME ?? path.join(PROJECT_ROOT, '.kopru')),
      embeddedPort: e.KOPRU_NEO4J_PORT,
      gds: e.KOPRU_GDS === '1' || e.KOPRU_GDS === 'true',
      gdsMinNodes: e.KOPRU_GDS_MIN_NODES,
    },
    demoBundle: path.resolve(e.KOPRU_DATA ?? path.join(PROJECT_ROOT, 'data', 'demo')),
    loadDemoWhenEmpty: !(e.KOPRU_NO_DEMO === '1' || e.KOPRU_NO_DEMO === 'true'),
    clientDist: path.join(PROJECT_ROOT, 'client', 'dist'),
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    http: httpConfigOf(e),
  };
}

function httpConfigOf(e: z.output<typeof EnvSchema>): HttpConfig {
  return {
    corsOrigins: e.KOPRU_CORS_ORIGINS,
    rateLimitPerMinute: e.KOPRU_RATE_LIMIT,
    heavyRateLimitPerMinute: e.KOPRU_RATE_LIMIT_HEAVY,
    jsonLimitBytes: e.KOPRU_JSON_LIMIT_KB * 1024,
    uploadLimitBytes: e.KOPRU_UPLOAD_LIMIT_MB * 1024 * 1024,
    uploadMaxFiles: e.KOPRU_UPLOAD_MAX_FILES,
    requestTimeoutMs: e.KOPRU_REQUEST_TIMEOUT_S * 1000,
    headersTimeoutMs: e.KOPRU_HEADERS_TIMEOUT_S * 1000,
  };
}

/** The HTTP settings with every variable unset: what createApp uses when given none. */
export const DEFAULT_HTTP_CONFIG: HttpConfig = httpConfigOf(EnvSchema.parse({}));
