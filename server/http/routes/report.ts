/**
 * GET /api/report?from=&to=&lang=&mode=&treatment=&permutations=&seed=: the evaluation report of the
 * dataset in Neo4j as a downloadable, self-contained HTML file — the same document `kopru report` writes.
 * Cached per dataset version, parameters and day (the report shows its date). The response forbids any
 * request and script by Content-Security-Policy, like the meta tag inside the file.
 */
import { Router } from 'express';
import { renderReport, reportFileName } from '../../domain/report/index.js';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { ResultCache } from '../result-cache.js';
import { parseInput } from '../schemas/common.js';
import { ReportQuery } from '../schemas/report.js';

export { ReportQuery };

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function reportRouter(deps: AppDeps): Router {
  const router = Router();
  // Reports are ~300 KB; a few dozen cover every language and option anyone asks for in a day.
  const cache = new ResultCache(24);

  router.get('/report', async (req, res) => {
    const query = parseInput(ReportQuery, req.query);
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('No dataset has been imported yet');
    const today = new Date().toISOString().slice(0, 10);
    const html = await cache.getOrCompute(current.version, `report ${today} ${JSON.stringify(query)}`, () =>
      renderReport(current.dataset, { ...query, generatedAt: today }),
    );
    res
      .status(200)
      .type('html')
      .set({
        'Content-Disposition': `attachment; filename="${reportFileName(query.from, query.to, query.lang)}"`,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-cache',
      })
      .send(html);
  });

  return router;
}
