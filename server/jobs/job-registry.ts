/**
 * In-process registry of long analyses run for the HTTP API (issue: scale): a request over the size
 * threshold gets a job to poll instead of holding the connection for minutes. Each job runs its
 * function with an AbortSignal and a progress callback (metrics/parallel/run-options.ts); finished
 * jobs keep their result for `keepMs`, then are forgotten. Nothing is persisted: a restart loses jobs.
 */
import { randomUUID } from 'node:crypto';
import type { Progress, RunOptions } from '../domain/metrics/index.js';
import { AppError, UnavailableError } from '../errors.js';

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** What `GET /api/jobs/:id` shows of a job (without its result). */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  /** Latest progress, with `fraction` in [0, 1]; null before the first report. */
  progress: (Progress & { fraction: number }) | null;
  createdAt: string;
  finishedAt: string | null;
  /** When failed: the error as the API reports errors. */
  error?: { code: string; message: string; details: unknown };
}

interface Job {
  view: JobView;
  key: string | undefined;
  controller: AbortController;
  result?: unknown;
  /** Resolves when the job stops, whatever the outcome (for tests and shutdown). */
  settled: Promise<void>;
}

export interface JobRegistryOptions {
  /** Jobs running at once; more are refused with 503. Default 4. */
  maxRunning?: number;
  /** How long a finished job and its result stay available. Default 15 minutes. */
  keepMs?: number;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private readonly maxRunning: number;
  private readonly keepMs: number;

  constructor(options: JobRegistryOptions = {}) {
    this.maxRunning = options.maxRunning ?? 4;
    this.keepMs = options.keepMs ?? 15 * 60_000;
  }

  /**
   * Starts `run` as a job, or returns the running or finished job with the same `key` (the same
   * analysis of the same dataset version), so repeated requests do not start it twice.
   * @throws UnavailableError when `maxRunning` jobs are already running.
   */
  start<T>(kind: string, run: (options: RunOptions) => Promise<T>, key?: string): JobView {
    this.expire();
    if (key !== undefined) {
      for (const job of this.jobs.values())
        if (job.key === key && (job.view.status === 'running' || job.view.status === 'done')) return job.view;
    }
    const running = [...this.jobs.values()].filter((job) => job.view.status === 'running').length;
    if (running >= this.maxRunning)
      throw new UnavailableError(`${running} analyses are already running; try again when one has finished`);
    const controller = new AbortController();
    const view: JobView = {
      id: randomUUID(),
      kind,
      status: 'running',
      progress: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const job: Job = { view, key, controller, settled: Promise.resolve() };
    const onProgress = (progress: Progress): void => {
      view.progress = { ...progress, fraction: progress.total > 0 ? progress.done / progress.total : 0 };
    };
    // Started on the next turn so the 202 goes out before any synchronous part of the analysis runs.
    job.settled = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run({ signal: controller.signal, onProgress }))
      .then(
        (result) => {
          if (view.status !== 'running') return;
          job.result = result;
          view.status = 'done';
        },
        (error: unknown) => {
          if (view.status !== 'running') return;
          view.status = 'failed';
          view.error =
            error instanceof AppError
              ? { code: error.code, message: error.message, details: error.details ?? null }
              : { code: 'internal_error', message: 'The analysis failed', details: null };
        },
      )
      .finally(() => {
        view.finishedAt ??= new Date().toISOString();
      });
    this.jobs.set(view.id, job);
    return view;
  }

  /** The result of a finished job started with `key`, if one is kept. */
  resultFor(key: string): { result: unknown } | undefined {
    this.expire();
    for (const job of this.jobs.values())
      if (job.key === key && job.view.status === 'done') return { result: job.result };
    return undefined;
  }

  get(id: string): { view: JobView; result?: unknown } | undefined {
    this.expire();
    const job = this.jobs.get(id);
    if (!job) return undefined;
    return job.view.status === 'done' ? { view: job.view, result: job.result } : { view: job.view };
  }

  /** Cancels a running job (its workers stop); a finished one is removed. False when unknown. */
  cancel(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.view.status === 'running') {
      job.view.status = 'cancelled';
      job.view.finishedAt = new Date().toISOString();
      job.controller.abort();
    } else {
      this.jobs.delete(id);
    }
    return job.view;
  }

  /** Resolves when the job has stopped (tests; shutdown). */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.settled;
  }

  /** Cancels every running job (shutdown). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.view.status === 'running') this.cancel(job.view.id);
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.view.finishedAt !== null && now - Date.parse(job.view.finishedAt) > this.keepMs)
        this.jobs.delete(id);
    }
  }
}

/** The registry of this process, shared by the analysis routes and the jobs routes. */
export const processJobs = new JobRegistry();
