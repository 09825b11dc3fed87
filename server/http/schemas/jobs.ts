/** The path of /api/jobs/:id. */
import { z } from 'zod';

export const JobParams = z.object({ id: z.uuid() }).strict();
