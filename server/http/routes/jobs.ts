/**
 * GET /api/jobs/:id (poll: status, progress, and the result once done) and DELETE /api/jobs/:id
 * (cancel a running job, or forget a finished one). Jobs are started by the analysis routes for
 * large datasets (analysis.ts answers 202 with `Location: /api/jobs/<id>`).
 */
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import { processJobs, type JobRegistry } from '../../jobs/job-registry.js';
import type { AppDeps } from '../deps.js';
import { NoQuery, parseInput } from '../schemas/common.js';
import { JobParams } from '../schemas/jobs.js';

export function jobsRouter(_deps: AppDeps, jobs: JobRegistry = processJobs): Router {
  const router = Router();

  router.get('/jobs/:id', (req, res) => {
    parseInput(NoQuery, req.query);
    const { id } = parseInput(JobParams, req.params, 'path');
    const job = jobs.get(id);
    if (!job) throw new NotFoundError(`No job ${id} (finished jobs are kept 15 minutes)`);
    res.set('Cache-Control', 'no-store');
    res.json(job.view.status === 'done' ? { job: job.view, result: job.result } : { job: job.view });
  });

  router.delete('/jobs/:id', (req, res) => {
    parseInput(NoQuery, req.query);
    const { id } = parseInput(JobParams, req.params, 'path');
    const job = jobs.cancel(id);
    if (!job) throw new NotFoundError(`No job ${id}`);
    res.json({ job });
  });

  return router;
}
