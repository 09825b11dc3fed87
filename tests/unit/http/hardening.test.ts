/**
 * What the HTTP layer does before a route touches the database: security headers and CSP, strict CORS,
 * body and upload limits (413 with the limit named), malformed JSON (400), unknown routes (404 JSON),
 * rate limits (429), the settings read from the environment, and the slow-client timeouts.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { createHttpServer } from '../../../server/http/listen.js';
import type { AppDeps } from '../../../server/http/deps.js';
import { errorHandler } from '../../../server/http/middleware/error-handler.js';
import { uploadsRouter } from '../../../server/http/routes/uploads.js';
import { CONTENT_SECURITY_POLICY } from '../../../server/http/middleware/security-headers.js';
import { appWithoutDatabase } from './test-app.js';

const app = appWithoutDatabase();

describe('security headers', () => {
  it('sends the CSP that fits the client, and helmet headers, on the API and the pages', async () => {
    for (const url of ['/api/openapi.json', '/', '/api/nope']) {
      const res = await request(app).get(url);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(Object.keys(CONTENT_SECURITY_POLICY)).toContain('connect-src');
  });
});

describe('CORS', () => {
  it('sends no CORS header by default, to any origin', async () => {
    const res = await request(app).get('/api/openapi.json').set('Origin', 'http://other.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app)
      .options('/api/uploads/preview')
      .set('Origin', 'http://other.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('refuses a state-changing request from a foreign page with 403, accepts one from the same origin', async () => {
    const foreign = await request(app)
      .post('/api/uploads/preview')
      .set('Origin', 'http://evil.example')
      .send({ files: {} })
      .expect(403);
    expect(foreign.body.error.code).toBe('forbidden_origin');
    const host = '127.0.0.1:3000';
    const same = await request(app)
      .post('/api/uploads/preview')
      .set('Host', host)
      .set('Origin', `http://${host}`)
      .send({ files: {} });
    expect(same.status).toBe(400); // reached the route: the body is what is wrong
  });

  it('answers listed origins, with credentials and preflights', async () => {
    const listed = appWithoutDatabase({ corsOrigins: ['http://localhost:5173'] });
    const res = await request(listed)
      .get('/api/openapi.json')
      .set('Origin', 'http://localhost:5173')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers.vary).toMatch(/Origin/);
    const preflight = await request(listed)
      .options('/api/uploads/commit')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toContain('Content-Type');
    const post = await request(listed)
      .post('/api/uploads/preview')
      .set('Origin', 'http://localhost:5173')
      .send({ files: {} });
    expect(post.status).toBe(400);
    const other = await request(listed).get('/api/openapi.json').set('Origin', 'http://localhost:5174');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('bodies and uploads', () => {
  it('413 naming the limit for a JSON body over it, 400 for JSON that does not parse', async () => {
    const big = await request(app)
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(200 * 1024) }))
      .expect(413);
    expect(big.body.error).toEqual({
      code: 'payload_too_large',
      message: 'The request body is larger than the limit of 100 KB',
    });
    const broken = await request(app)
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect(JSON.stringify(broken.body)).not.toMatch(/Unexpected|position|at /);
  });

  it('413 for an upload body, a file or a file count over the limit', async () => {
    const small = appWithoutDatabase({ uploadLimitBytes: 4096, uploadMaxFiles: 3 });
    const body = await request(small)
      .post('/api/uploads/preview')
      .send({ files: { 'a.csv': 'x'.repeat(8192) } })
      .expect(413);
    expect(body.body.error.message).toBe('The request body is larger than the limit of 4 KB');
    const count = await request(small)
      .post('/api/uploads/preview')
      .send({ files: { 'a.csv': '', 'b.csv': '', 'c.csv': '', 'd.csv': '' } })
      .expect(413);
    expect(count.body.error.message).toBe('Too many files: 4; at most 3 files per upload');
    // A file over its own limit is named (the per-file limit only bites below the body limit).
    const perFile = express()
      .use('/api', uploadsRouter({} as AppDeps, { maxFileBytes: 1000 }))
      .use(errorHandler(() => undefined));
    const file = await request(perFile)
      .post('/api/uploads/preview')
      .send({ files: { 'organizations.csv': 'id,name,kind\n', 'data/ties.csv': 'ş'.repeat(600) } })
      .expect(413);
    expect(file.body.error.message).toBe('data/ties.csv: larger than the limit of 1000 bytes per file');
    expect(file.body.error.details).toEqual([
      { file: 'data/ties.csv', reason: 'larger than the limit of 1000 bytes per file' },
    ]);
  });

  it('400 for unknown body fields and unknown query parameters', async () => {
    const field = await request(app)
      .post('/api/uploads/preview')
      .send({ files: { 'a.csv': '' }, constructor: 'x' })
      .expect(400);
    expect(field.body.error.message).toMatch(/constructor \(unknown field\)/);
    const param = await request(app).get('/api/openapi.json?debug=1').expect(400);
    expect(param.body.error.message).toMatch(/debug \(unknown parameter\)/);
    const polluted = await request(app).get('/api/health?__proto__[x]=1').expect(400);
    expect(polluted.body.error.code).toBe('invalid_input');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('404 JSON for an unknown route, under /api and outside it', async () => {
    const api = await request(app).get('/api/organisations').expect(404);
    expect(api.body.error).toEqual({ code: 'not_found', message: 'No route GET /organisations' });
    const page = await request(app).get('/no/such/page').expect(404);
    expect(page.body.error.code).toBe('not_found');
  });
});

describe('methods', () => {
  it('405 with Allow for a known path and another method', async () => {
    const res = await request(app).delete('/api/organizations/ngo-001').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body.error.code).toBe('method_not_allowed');
    const trace = await request(app).put('/api/uploads/preview').expect(405);
    expect(trace.headers.allow).toBe('POST');
  });
});

describe('rate limits', () => {
  it('429 in the error shape with RateLimit and Retry-After headers past the limit; 0 turns it off', async () => {
    const limited = appWithoutDatabase({ rateLimitPerMinute: 5 });
    for (let i = 0; i < 5; i++) await request(limited).get('/api/openapi.json').expect(200);
    const over = await request(limited).get('/api/openapi.json').expect(429);
    expect(over.body.error.code).toBe('too_many_requests');
    expect(over.body.error.message).toMatch(/at most 5 per minute/);
    expect(over.headers['retry-after']).toMatch(/^\d+$/);
    expect(over.headers.ratelimit).toMatch(/r=0/);
    const off = appWithoutDatabase({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 20; i++) await request(off).get('/api/openapi.json').expect(200);
  });

  it('limits the costly routes (uploads, report) separately and lower', async () => {
    const limited = appWithoutDatabase({ heavyRateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i++) await request(limited).post('/api/uploads/preview').send({}).expect(400);
    await request(limited).post('/api/uploads/preview').send({}).expect(429);
    await request(limited).get('/api/report').expect(429);
    await request(limited).get('/api/openapi.json').expect(200);
  });
});

describe('settings from the environment', () => {
  it('has defaults sized for a local tool', () => {
    const { http } = loadConfig({});
    expect(http).toEqual({
      corsOrigins: [],
      rateLimitPerMinute: 60_000,
      heavyRateLimitPerMinute: 120,
      jsonLimitBytes: 100 * 1024,
      uploadLimitBytes: 50 * 1024 * 1024,
      uploadMaxFiles: 20,
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 20_000,
    });
  });

  it('reads every variable and refuses bad values naming them', () => {
    const { http } = loadConfig({
      KOPRU_CORS_ORIGINS: 'http://localhost:5173, https://kopru.example.org',
      KOPRU_RATE_LIMIT: '0',
      KOPRU_RATE_LIMIT_HEAVY: '10',
      KOPRU_JSON_LIMIT_KB: '8',
      KOPRU_UPLOAD_LIMIT_MB: '5',
      KOPRU_UPLOAD_MAX_FILES: '4',
      KOPRU_REQUEST_TIMEOUT_S: '30',
      KOPRU_HEADERS_TIMEOUT_S: '5',
    });
    expect(http.corsOrigins).toEqual(['http://localhost:5173', 'https://kopru.example.org']);
    expect(http.rateLimitPerMinute).toBe(0);
    expect(http.uploadLimitBytes).toBe(5 * 1024 * 1024);
    expect(http.headersTimeoutMs).toBe(5000);
    expect(() => loadConfig({ KOPRU_CORS_ORIGINS: '*' })).toThrow(/KOPRU_CORS_ORIGINS/);
    expect(loadConfig({ KOPRU_CORS_ORIGINS: 'http://[::1]:5173' }).http.corsOrigins).toEqual([
      'http://[::1]:5173',
    ]);
    expect(() => loadConfig({ KOPRU_CORS_ORIGINS: 'http://a.example/path' })).toThrow(/KOPRU_CORS_ORIGINS/);
    expect(() => loadConfig({ KOPRU_RATE_LIMIT: '-1' })).toThrow(/KOPRU_RATE_LIMIT/);
    expect(() => loadConfig({ KOPRU_UPLOAD_LIMIT_MB: '1e3' })).toThrow(/KOPRU_UPLOAD_LIMIT_MB/);
  });
});

describe('slow clients', () => {
  it('closes a connection whose headers do not arrive within the headers timeout (slowloris)', async () => {
    const server = createHttpServer(
      express().get('/', (_req, res) => res.send('ok')),
      {
        requestTimeoutMs: 1500,
        headersTimeoutMs: 500,
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
        // Keep trickling a header line now and then, as a slowloris does, never ending the headers.
        const drip = setInterval(() => socket.writable && socket.write('X-a: b\r\n'), 100);
        socket.on('close', () => clearInterval(drip));
      });
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(5000);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
