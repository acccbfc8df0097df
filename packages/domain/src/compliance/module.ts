import { defineModule } from '../module-manifest.ts';
import { complianceAuditEvents } from './compliance.audit.ts';

/** Audit reports and exports, access reports, break-glass grants and their review. */
export const complianceModule = defineModule({
  name: 'compliance',
  tables: ['break_glass_grants', 'break_glass_reviews'],
  // Grants without their reason, for the access decision and the audit append (migration 0098, compliance.views.ts).
  views: ['break_glass_windows'],
  audit: complianceAuditEvents,
});
