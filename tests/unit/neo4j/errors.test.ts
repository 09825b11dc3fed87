/** Driver errors become 503 / 409 by their code; unknown errors pass through unchanged. */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError } from '../../../server/errors.js';
import { isUnavailable, mapNeo4jError, withNeo4jErrors } from '../../../server/neo4j/errors.js';

// Errors as the driver builds them (the GQL status is not what we map on).
const newError = (message: string, code: string) =>
  new Neo4jError(message, code, '50N42', 'general processing exception');

describe('mapNeo4jError', () => {
  it.each([
    ['ServiceUnavailable'],
    ['SessionExpired'],
    ['Neo.TransientError.General.DatabaseUnavailable'],
    ['Neo.TransientError.Transaction.DeadlockDetected'],
    ['N/A'],
  ])('maps %s to UnavailableError', (code) => {
    const mapped = mapNeo4jError(newError('boom', code));
    expect(mapped).toBeInstanceOf(UnavailableError);
    expect(isUnavailable(newError('boom', code))).toBe(true);
  });

  it('maps a constraint violation to ConflictError and bad credentials to a 503 naming the settings', () => {
    expect(
      mapNeo4jError(newError('dup', 'Neo.ClientError.Schema.ConstraintValidationFailed')),
    ).toBeInstanceOf(ConflictError);
    const auth = mapNeo4jError(newError('no', 'Neo.ClientError.Security.Unauthorized'));
    expect(auth).toBeInstanceOf(UnavailableError);
    expect((auth as Error).message).toMatch(/NEO4J_PASSWORD/);
  });

  it('leaves other errors unchanged', () => {
    const syntax = newError('bad', 'Neo.ClientError.Statement.SyntaxError');
    expect(mapNeo4jError(syntax)).toBe(syntax);
    expect(syntax).toBeInstanceOf(Neo4jError);
    const plain = new TypeError('x');
    expect(mapNeo4jError(plain)).toBe(plain);
    expect(isUnavailable(plain)).toBe(false);
  });
});

describe('withNeo4jErrors', () => {
  it('answers UnavailableError when the database does not answer before the deadline', async () => {
    const started = Date.now();
    await expect(withNeo4jErrors(() => new Promise(() => undefined), 100)).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('passes results through', async () => {
    await expect(withNeo4jErrors(async () => 42, 1000)).resolves.toBe(42);
  });
});
