/**
 * The one error handler never tells a client more than a code and a message of ours: an unexpected
 * error's stack, its message (which may hold Cypher or a path) and a middleware's own text stay in
 * the server log. (A real Neo4j syntax error is in tests/http/error-handler.test.ts.)
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../server/errors.js';
import { errorHandler, notFoundHandler } from '../../../server/http/middleware/error-handler.js';

function appThrowing(error: unknown, log: string[]) {
  return express()
    .get('/boom', () => {
      throw error;
    })
    .get('/late', (_req, res) => {
      res.write('{"partial":');
      throw new Error('after the headers');
    })
    .use(notFoundHandler())
    .use(errorHandler((message) => log.push(message)));
}

describe('error handler', () => {
  it('answers an unexpected error with a bare 500 and logs the details', async () => {
    const log: string[] = [];
    const secret = new Error(
      "Invalid input 'RETRUN': expected … MATCH (o:Organization {id: $id}) RETRUN o at /work/kopru/server/neo4j/x.ts:12:3",
    );
    const res = await request(appThrowing(secret, log)).get('/boom').expect(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server' } });
    expect(res.text).not.toMatch(/MATCH|RETRUN|\/work|x\.ts|at /);
    expect(log.join('\n')).toContain('RETRUN');
    expect(log.join('\n')).toMatch(/error-handler\.test\.ts/); // the stack went to the log
  });

  it('hides what a thrown non-Error says too', async () => {
    const res = await request(appThrowing('raw string with /etc/passwd', [])).get('/boom').expect(500);
    expect(res.text).not.toContain('passwd');
  });

  it('passes an AppError through with its status, code, message and details', async () => {
    const error = new ValidationError('Invalid query: x (unknown parameter)', [
      { column: 'x', reason: 'unknown' },
    ]);
    const res = await request(appThrowing(error, [])).get('/boom').expect(400);
    expect(res.body.error).toEqual({
      code: 'invalid_input',
      message: 'Invalid query: x (unknown parameter)',
      details: [{ column: 'x', reason: 'unknown' }],
    });
  });

  it('gives a middleware 4xx its own fixed message, not the middleware text', async () => {
    const error = Object.assign(
      new Error('Unexpected token } in JSON at position 7 (/srv/app/node_modules/x.js)'),
      {
        status: 400,
        type: 'entity.parse.failed',
      },
    );
    const res = await request(appThrowing(error, [])).get('/boom').expect(400);
    expect(res.body.error).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON' });
    const other = Object.assign(new Error('secret detail'), { statusCode: 416 });
    const res2 = await request(appThrowing(other, [])).get('/boom').expect(416);
    expect(res2.text).not.toContain('secret');
  });

  it('cuts the connection when the error comes after the answer started', async () => {
    const log: string[] = [];
    await expect(request(appThrowing(new Error('x'), log)).get('/late')).rejects.toThrow();
    expect(log.join()).toMatch(/after the response started/);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const res = await request(appThrowing(new Error('x'), []))
      .get('/nope?x=1')
      .expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No route GET /nope' } });
  });
});
