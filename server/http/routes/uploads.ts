/**
 * POST /api/uploads/preview and POST /api/uploads/commit: the server side of uploading a dataset.
 *
 * Both take the same JSON body (at most UPLOAD_BODY_LIMIT), the files as text by name:
 *   { "files": { "organizations.csv": "id,name,kind\n…", "ties.csv": "…" },
 *     "format"?: "csv-bundle" | "edge-list" | "gexf" | "graphml" | "json",  // default: recognised
 *     "name"?: "dataset name when the files give none",
 *     "replace"?: false }                                                   // replace the whole dataset
 * Names may carry a folder (`bundle/ties.csv`, as a dropped folder gives them); only the base name
 * counts. The format is recognised from the names as for the CLI (`server/domain/io/formats.ts`).
 *
 * - preview validates and compares with the current dataset, writing nothing. It answers 200 even
 *   when the files are invalid — finding their problems is what a preview is for:
 *   `{ ok, format, counts, errors: [{ file, line, column, reason }], changes }`; with errors, `ok` is
 *   false, `counts`/`changes` are null and `format` is the one recognised (null when none was).
 * - commit validates again and imports all or nothing (one transaction, metrics written back):
 *   `{ format, counts, changes, written, importId, datasetVersion }`. Invalid files are a 400
 *   `invalid_input` whose `details` are the same `[{ file, line, column, reason }]`; nothing is written.
 * A body that is not such an object is a 400 naming the field; one over the limit a 413.
 */
import express, { Router } from 'express';
import { metricsWriteBack } from '../../domain/analysis/write-back.js';
import { diffDatasets } from '../../domain/diff/dataset-diff.js';
import { baseName, detectSource, parseDatasetFiles, type DatasetFormat } from '../../domain/io/formats.js';
import type { Dataset } from '../../domain/types.js';
import { ValidationError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { authOf } from '../middleware/auth.js';
import { NoQuery, parseInput } from '../schemas/common.js';
import { UploadBody, checkUploadLimits, type UploadLimits } from '../schemas/uploads.js';

/** Largest request body: the files of one upload together, as JSON. */
export const UPLOAD_BODY_LIMIT = '50mb';

function countsOf(dataset: Dataset): Record<string, number> {
  return {
    organizations: dataset.organizations.length,
    waves: dataset.waves.length,
    ties: dataset.ties.length,
    events: dataset.events.length,
    attendance: dataset.attendance.length,
    responses: dataset.responses.length,
  };
}

/** What the import record says the data came from: `upload: a.csv, b.csv`. */
function sourceLabel(names: readonly string[]): string {
  const label = `upload: ${names.map(baseName).join(', ')}`;
  return label.length <= 300 ? label : `${label.slice(0, 299)}…`;
}

export interface UploadsOptions extends Partial<UploadLimits> {
  /** Largest request body, in bytes or body-parser's notation; default UPLOAD_BODY_LIMIT ('50mb'). */
  bodyLimit?: string | number;
}

/** The upload routes, to mount under /api. */
export function uploadsRouter(deps: AppDeps, options: UploadsOptions = {}): Router {
  const router = Router();
  router.use('/uploads', express.json({ limit: options.bodyLimit ?? UPLOAD_BODY_LIMIT }));

  const limits: UploadLimits = {
    maxFiles: options.maxFiles ?? 20,
    maxFileBytes: options.maxFileBytes ?? 50 * 1024 * 1024,
  };
  const parseBody = (req: express.Request) => {
    parseInput(NoQuery, req.query);
    const body = parseInput(UploadBody, req.body ?? {}, 'body');
    checkUploadLimits(body.files, limits);
    return body;
  };

  router.post('/uploads/preview', async (req, res) => {
    const body = parseBody(req);
    let format: DatasetFormat | null = body.format ?? null;
    try {
      format = detectSource(body.files, body.format).format;
    } catch {
      // Not recognisable: parseDatasetFiles below reports why.
    }
    let parsed: ReturnType<typeof parseDatasetFiles>;
    try {
      parsed = parseDatasetFiles(body.files, { format: body.format, name: body.name });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      res.json({
        ok: false,
        format,
        message: error.message,
        counts: null,
        errors: error.issues,
        changes: null,
        replace: body.replace,
      });
      return;
    }
    const current = await deps.store.current();
    res.json({
      ok: true,
      format: parsed.format,
      counts: countsOf(parsed.dataset),
      errors: [],
      changes: diffDatasets(current?.dataset ?? null, parsed.dataset, body.replace),
      replace: body.replace,
    });
  });

  router.post('/uploads/commit', async (req, res) => {
    const body = parseBody(req);
    const { format, dataset } = parseDatasetFiles(body.files, { format: body.format, name: body.name });
    const outcome = await deps.datasets.import(dataset, {
      source: sourceLabel(Object.keys(body.files)),
      replace: body.replace,
      deriveMetrics: metricsWriteBack,
      actor: authOf(req).actor,
    });
    res.json({
      format,
      counts: countsOf(dataset),
      changes: outcome.changes,
      written: outcome.written,
      importId: outcome.importId,
      datasetVersion: outcome.datasetVersion,
    });
  });

  return router;
}
