import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CREDENTIAL_KINDS } from './credentials.tables.ts';

/** The audit events the credentials module writes (see shared/audit-events.ts). */
export const credentialsAuditEvents = defineAuditEvents({
  'create:credential': {
    about: 'a credential (licence, DEA, board, BLS/ACLS, malpractice) was recorded for a provider or a staff member',
    details: z.strictObject({ kind: z.enum(CREDENTIAL_KINDS), expiresOn: z.string() }),
  },
  'update:credential': {
    about: 'a credential was renewed or corrected (`changes`: number, state, issuer, expiry)',
    details: z.strictObject({ renewed: z.boolean() }),
  },
});
