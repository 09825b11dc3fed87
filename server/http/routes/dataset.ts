/** GET /api/dataset, /api/waves, /api/events: what the current dataset holds. */
import { Router } from 'express';
import { cypher } from '../../neo4j/cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../../neo4j/errors.js';
import type { AppDeps } from '../deps.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export function datasetRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/dataset', async (req, res) => {
    parseInput(NoQuery, req.query);
    const current = await deps.store.current();
    if (!current) {
      res.json({
        name: null,
        synthetic: false,
        version: 0,
        organizations: 0,
        ngos: 0,
        institutions: 0,
        waves: 0,
        events: 0,
        ties: 0,
      });
      return;
    }
    const { dataset, version } = current;
    const ngos = dataset.organizations.filter((o) => o.kind === 'ngo').length;
    res.json({
      name: dataset.info.name,
      synthetic: dataset.info.synthetic,
      description: dataset.info.description ?? null,
      version,
      organizations: dataset.organizations.length,
      ngos,
      institutions: dataset.organizations.length - ngos,
      waves: dataset.waves.length,
      events: dataset.events.length,
      ties: dataset.ties.length,
    });
  });

  router.get('/waves', async (req, res) => {
    parseInput(NoQuery, req.query);
    const current = await deps.store.current();
    const dataset = current?.dataset;
    const waves = (dataset?.waves ?? []).map((wave) => {
      const waveTies = dataset?.ties.filter((t) => t.wave === wave.id) ?? [];
      const responded =
        dataset?.responses.filter((r) => r.wave === wave.id && r.status === 'responded').length ?? 0;
      return { ...wave, reportedTies: waveTies.length, responded };
    });
    res.json({ waves });
  });

  router.get('/events', async (req, res) => {
    parseInput(NoQuery, req.query);
    const events = await withNeo4jErrors(async () => {
      const { records } = await deps.driver.executeQuery(
        cypher('events/list-all'),
        {},
        { database: deps.database, routing: 'READ' },
      );
      return records.map((r) => {
        const row = r.toObject();
        return {
          id: String(row.id),
          name: String(row.name),
          type: row.type ?? null,
          date: String(row.date),
          endDate: row.endDate ?? null,
          city: row.city ?? null,
          attendees: Number(row.attendees),
        };
      });
    }, INTERACTIVE_DEADLINE_MS);
    res.json({ events });
  });

  return router;
}
