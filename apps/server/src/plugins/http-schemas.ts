/** Schema pieces every route module shares: list envelopes and id params. */
import { z } from 'zod';

/** Every list answer is `{ items, nextCursor }` (nextCursor null on the last page). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const idParams = z.object({ id: z.string().uuid() });

/** Page size: default 50, at most 200. */
export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);
