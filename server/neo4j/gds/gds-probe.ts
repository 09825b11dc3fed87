/**
 * Is Neo4j Graph Data Science installed in this database? Asked of any server (the embedded one with
 * KOPRU_GDS=1, or a NEO4J_URI server, cluster or Aura instance) by calling `gds.version()`, so the
 * answer is what the server can actually run, not what Köprü was configured with.
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from '../cypher.js';
import { mapNeo4jError } from '../errors.js';

export type GdsStatus = { available: true; version: string } | { available: false; reason: string };

// A fixed, valid statement that names an unknown function fails to compile with this code: here it
// can only mean that GDS is not installed (or not allowed for this user).
const ABSENT_CODES = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Procedure.ProcedureNotFound',
  'Neo.ClientError.Security.Forbidden',
]);

/** Probes the database; connectivity errors are rethrown mapped (UnavailableError). */
export async function probeGds(driver: Driver, database: string): Promise<GdsStatus> {
  try {
    const { records } = await driver.executeQuery(cypher('gds/version'), {}, { database, routing: 'READ' });
    const version = records[0]?.get('version');
    return typeof version === 'string'
      ? { available: true, version }
      : { available: false, reason: 'gds.version() returned no version' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && ABSENT_CODES.has(code)) {
      return { available: false, reason: `Graph Data Science is not installed in this database (${code})` };
    }
    throw mapNeo4jError(error);
  }
}
