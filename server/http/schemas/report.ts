/** Query string of /api/report. */
import { z } from 'zod';
import { REPORT_LANGUAGES } from '../../domain/report/index.js';
import { integer, mode, treatment, waveId } from './common.js';

export const ReportQuery = z
  .object({
    from: waveId,
    to: waveId,
    lang: z.enum(REPORT_LANGUAGES).default('en'),
    mode: mode.default('undirected'),
    treatment: treatment.default('as-reported'),
    permutations: integer(1, 100_000).default(5000),
    seed: integer(0, 2 ** 31 - 1).default(42),
  })
  .strict();
