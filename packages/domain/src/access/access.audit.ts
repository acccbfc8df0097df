import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events of access decisions (see shared/audit-events.ts). */
export const accessAuditEvents = defineAuditEvents({
  'access_denied:route': {
    about: 'a request refused before its use case: 401 on a protected route, 403 (coalesced per caller, route and minute)',
    details: z.strictObject({ route: z.string(), code: z.string(), permission: z.string().nullable().optional() }),
    writer: 'server: plugins/refusal-audit.ts',
  },
});
