/** Query strings of /api/metrics, /api/compare and /api/isolated. */
import { z } from 'zod';
import { flag, integer, mode, treatment, waveId } from './common.js';

const seed = integer(0, 2 ** 31 - 1);
const groupBy = z.string().trim().min(1).max(100);
/** How betweenness is computed on large graphs: exact, sampled with a stated bound, or by size. */
const betweenness = z.enum(['exact', 'approximate', 'auto']);
const fraction = z.coerce.number().gt(0).lt(1);

export const MetricsQuery = z
  .object({
    wave: waveId.optional(),
    mode: mode.default('undirected'),
    groupBy: groupBy.optional(),
    treatment: treatment.optional(),
    weighted: flag.default(false),
    seed: seed.optional(),
    betweenness: betweenness.optional(),
    epsilon: fraction.optional(),
  })
  .strict();

export const CompareQuery = z
  .object({
    from: waveId,
    to: waveId,
    mode: mode.default('undirected'),
    permutations: integer(1, 100_000).default(5000),
    seed: seed.default(42),
    groupBy: groupBy.optional(),
    treatment: treatment.optional(),
    weighted: flag.default(false),
    betweenness: betweenness.optional(),
    epsilon: fraction.optional(),
  })
  .strict();

export const IsolatedQuery = z
  .object({
    wave: waveId.optional(),
    mode: mode.default('undirected'),
    suggestions: integer(0, 20).default(3),
  })
  .strict();
