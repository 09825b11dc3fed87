/**
 * The public routes: GET /api/public/map (the latest published release) and GET /api/public/releases
 * (what was published when). They read release files only: this router is given a folder, not the
 * database, so nothing the public can reach runs a query against the live data (and they keep
 * answering while Neo4j is down).
 */
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import { latestRelease, listReleases } from '../../files/public-releases.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export interface PublicRouterOptions {
  /** Folder of release files (`releasesDirOf(KOPRU_HOME)`). */
  releasesDir: string;
}

export function publicRouter(options: PublicRouterOptions): Router {
  const router = Router();

  router.get('/public/map', async (req, res) => {
    parseInput(NoQuery, req.query);
    const latest = await latestRelease(options.releasesDir);
    if (!latest) {
      throw new NotFoundError(
        'Nothing has been published yet: a coordinator publishes the public map ' +
          '(POST /api/publications or `kopru publish --db`)',
      );
    }
    // The file's bytes as written: what is served is exactly what was published.
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json').send(latest.text);
  });

  router.get('/public/releases', async (req, res) => {
    parseInput(NoQuery, req.query);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ releases: await listReleases(options.releasesDir) });
  });

  return router;
}
