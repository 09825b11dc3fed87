/**
 * GET /api/graph is compressed and validated by the dataset version, against the real (throwaway)
 * Neo4j holding the demo: an ETag per version + wave + mode, 304 to a matching If-None-Match, a new
 * ETag once the dataset's version changes, and a brotli or gzip body that decodes to the same JSON.
 */
import { once } from 'node:events';
import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, testDriver, type TestApp } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';

let testApp: TestApp;
let app: Express;

beforeAll(async () => {
  testApp = await createDemoApp();
  app = testApp.app;
});

afterAll(() => testApp.close());

/** Status, headers and the body bytes as sent (supertest would decompress them). */
async function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('GET /api/graph caching', () => {
  it('sends an ETag and answers 304 with no body to a matching If-None-Match', async () => {
    const first = await request(app).get('/api/graph?wave=pre').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"graph-\d+-[\w-]{16}"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await request(app).get('/api/graph?wave=pre').set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    // In a list, and in its strong form, it still matches; another tag does not.
    await request(app).get('/api/graph?wave=pre').set('If-None-Match', `W/"other", ${etag}`).expect(304);
    await request(app).get('/api/graph?wave=pre').set('If-None-Match', etag.slice(2)).expect(304);
    await request(app).get('/api/graph?wave=pre').set('If-None-Match', 'W/"other"').expect(200);
  });

  it('gives each wave and mode its own ETag; the default wave shares the last wave’s', async () => {
    const tags = new Set<string>();
    for (const query of ['wave=pre', 'wave=post', 'wave=post&mode=directed', 'wave=post&mode=reciprocated'])
      tags.add((await request(app).get(`/api/graph?${query}`).expect(200)).headers.etag as string);
    expect(tags.size).toBe(4);
    const post = await request(app).get('/api/graph?wave=post').expect(200);
    const implicit = await request(app).get('/api/graph').expect(200);
    expect(implicit.headers.etag).toBe(post.headers.etag);
    // A pre copy is not current for post.
    await request(app)
      .get('/api/graph?wave=post')
      .set('If-None-Match', (await request(app).get('/api/graph?wave=pre')).headers.etag as string)
      .expect(200);
  });

  it('answers 200 with a new ETag once the dataset version changes', async () => {
    const before = await request(app).get('/api/graph?wave=pre').expect(200);
    const admin = testDriver();
    try {
      await admin.executeQuery(
        "MATCH (d:Dataset {id: 'current'}) SET d.version = d.version + 1",
        {},
        { database: neo4jContext().database },
      );
    } finally {
      await admin.close();
    }
    const after = await request(app)
      .get('/api/graph?wave=pre')
      .set('If-None-Match', before.headers.etag as string)
      .expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toStrictEqual({
      ...before.body,
      attributes: { ...before.body.attributes, datasetVersion: before.body.attributes.datasetVersion + 1 },
    });
  });

  it('still answers 404 and 400 (no graph ETag) for an unknown wave or mode', async () => {
    const wave = await request(app).get('/api/graph?wave=mid').set('If-None-Match', '*').expect(404);
    expect(wave.headers.etag ?? '').not.toMatch(/graph-/);
    await request(app).get('/api/graph?wave=pre&mode=sideways').expect(400);
  });

  it('compresses with brotli or gzip as accepted, decoding to the same graph', async () => {
    const plain = await request(app)
      .get('/api/graph?wave=post')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const size = Buffer.byteLength(plain.text);

    const br = await rawGet('/api/graph?wave=post', { 'Accept-Encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.status).toBe(200);
    const brBody = br.body;
    expect(JSON.parse(brotliDecompressSync(brBody).toString('utf8'))).toStrictEqual(plain.body);
    expect(brBody.length).toBeLessThan(size / 4);

    const gzip = await rawGet('/api/graph?wave=post', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.status).toBe(200);
    const gzipBody = gzip.body;
    expect(JSON.parse(gunzipSync(gzipBody).toString('utf8'))).toStrictEqual(plain.body);
    expect(gzipBody.length).toBeLessThan(size / 3);
    // The same validator for every encoding (a weak ETag: same content, other bytes).
    expect(gzip.headers.etag).toBe(plain.headers.etag);
  });
});
