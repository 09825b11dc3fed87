/**
 * A real Neo4j error (a Cypher syntax error from the real database) reaching the error handler becomes
 * a bare 500: no Cypher text, no Neo4j code, no driver message in the answer, all of it in the log.
 * The statement is written inline on purpose: it is the broken query the server must never show.
 */
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { errorHandler } from '../../server/http/middleware/error-handler.js';
import { withNeo4jErrors } from '../../server/neo4j/errors.js';
import { testDriver } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';

let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});

afterAll(() => driver.close());

describe('a Neo4j error in a route', () => {
  it('is a 500 that shows nothing of the statement or the driver', async () => {
    const log: string[] = [];
    const app = express()
      .get('/broken', async () => {
        await withNeo4jErrors(() =>
          driver.executeQuery(
            'MATCH (o:Organization {id: $id}) RETRUN o',
            { id: 'x' },
            { database: neo4jContext().database },
          ),
        );
      })
      .use(errorHandler((message) => log.push(message)));
    const res = await request(app).get('/broken').expect(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server' } });
    expect(res.text).not.toMatch(/RETRUN|MATCH|Neo\.|SyntaxError|Invalid input/);
    expect(log.join('\n')).toMatch(/RETRUN/);
  });
});
