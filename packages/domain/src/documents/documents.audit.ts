import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** A stored file that no longer matches its upload: refused, never served. */
const integrityFailure = z.strictObject({
  reason: z.enum(['integrity check failed', 'file missing']),
  expected: z.string(),
  actual: z.string().nullable(),
});

/** The audit events the documents module writes (see shared/audit-events.ts). */
export const documentsAuditEvents = defineAuditEvents({
  'create:document': {
    about: 'a document was uploaded',
    details: z.strictObject({
      category: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      sha256: z.string(),
    }),
  },
  'read:document': {
    about: "a document was viewed inline, or a patient's documents were listed (denied: integrity failure)",
    details: z.union([
      z.strictObject({ disposition: z.literal('inline') }),
      z.strictObject({ list: z.literal(true), count: z.number().int().nonnegative() }),
      integrityFailure,
    ]),
  },
  'export:document': {
    about: 'a document was downloaded (denied: integrity failure)',
    details: z.union([z.strictObject({ disposition: z.literal('attachment') }), integrityFailure]),
  },
});
