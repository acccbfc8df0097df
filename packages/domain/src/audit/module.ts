import { defineModule } from '../module-manifest.ts';
import { reservedAuditEvents } from './reserved.audit.ts';
import { AuditSealer } from './audit-sealer.ts';

/** The append-only audit trail and its hash chain. */
export const auditModule = defineModule({
  name: 'audit',
  tables: ['audit_events', 'audit_seals'],
  // The trail, read-only, for the reports (migration 0099, audit.views.ts).
  views: ['audit_trail'],
  // The hash chain is extended every few seconds by the process that runs background work.
  periodic: ({ db, log }) => [new AuditSealer({ db, onError: (err) => log.warn({ err }, 'audit sealing failed; will retry') })],
  audit: reservedAuditEvents,
});
