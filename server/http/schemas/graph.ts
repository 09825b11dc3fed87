/** Query string of /api/graph. */
import { z } from 'zod';
import { mode, waveId } from './common.js';

export const GraphQuery = z.object({ wave: waveId.optional(), mode: mode.default('undirected') }).strict();
