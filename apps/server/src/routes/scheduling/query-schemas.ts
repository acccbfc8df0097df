/** Query-string pieces of the scheduling routes: repeatable ids and ISO instants. */
import { z } from 'zod';

/** `?providerId=a&providerId=b`: one or many uuids, always an array after parsing. */
export const repeatedUuid = z
  .union([z.string().uuid(), z.array(z.string().uuid()).max(200)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** An ISO 8601 instant with Z or an offset. */
export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
