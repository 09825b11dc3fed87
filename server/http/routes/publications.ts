/**
 * POST /api/publications (coordinator): publishes the current dataset as a public release — the
 * aggregated, anonymised view of server/domain/privacy/public-release.ts — written as a file under
 * KOPRU_HOME (served by the public routes) plus a (:Publication) record for the list.
 * GET /api/publications (analyst): that list, from Neo4j.
 *
 * Access control (coordinator / analyst) is the policy table's job, mounted in front of this router.
 */
import type { Request } from 'express';
import { Router } from 'express';
import type { PublicReleaseCounts } from '../../domain/privacy/public-release.js';
import { releaseCounts } from '../../domain/privacy/public-release.js';
import { NotFoundError } from '../../errors.js';
import { createRelease, writeRelease } from '../../files/public-releases.js';
import type { PublicationRepository } from '../../neo4j/repositories/publication-repository.js';
import type { AppDeps } from '../deps.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export interface PublishedEvent {
  releaseId: string;
  at: string;
  by: string | null;
  counts: PublicReleaseCounts;
}

export interface PublicationsRouterOptions {
  releasesDir: string;
  publications: PublicationRepository;
  /** Who is publishing (the session's user once auth is mounted); null until then. */
  publisherOf?: (req: Request) => string | null;
  /**
   * AUDIT HOOK: called after a release was written and recorded. The lead wires `recordAudit` here
   * (action "publish", the release id and counts). A failure here fails the request (503/500).
   */
  onPublished?: (event: PublishedEvent, req: Request) => Promise<void> | void;
}

export function publicationsRouter(deps: AppDeps, options: PublicationsRouterOptions): Router {
  const router = Router();

  router.post('/publications', async (req, res) => {
    parseInput(NoQuery, req.query);
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('Nothing to publish: the database holds no dataset yet');
    const release = createRelease(current.dataset);
    const counts = releaseCounts(release);
    const by = options.publisherOf?.(req) ?? null;
    await writeRelease(options.releasesDir, release);
    await options.publications.create({ id: release.id, at: release.publishedAt, by, counts });
    await options.onPublished?.({ releaseId: release.id, at: release.publishedAt, by, counts }, req);
    res.status(201).json({
      id: release.id,
      publishedAt: release.publishedAt,
      datasetVersion: current.version,
      counts,
      url: '/api/public/map',
    });
  });

  router.get('/publications', async (req, res) => {
    parseInput(NoQuery, req.query);
    res.json({ publications: await options.publications.list() });
  });

  return router;
}
