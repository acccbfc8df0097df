/** Schema pieces every route module shares: list envelopes and id params. */
import { z } from 'zod';

/** Every list answer is `{ items, nextCursor }` (nextCursor null on the last page). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const idParams = z.object({ id: z.string().uuid() });

/**
 * Extension members an error answer carries beside the problem's own (RFC 9457), as
 * `schema.response[<error status>]`: the OpenAPI document shows them on top of the shared
 * Problem (plugins/openapi-errors.ts); the problem's members pass through.
 */
export const problemWith = <T extends z.ZodRawShape>(members: T) => z.looseObject(members);

/** Page size: default 50, at most 200. */
export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);
