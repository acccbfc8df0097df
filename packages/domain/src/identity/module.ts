import { defineModule } from '../module-manifest.ts';
import { identityAuditEvents } from './identity.audit.ts';
import { handleSecurityNoticeJob, SECURITY_NOTICE_QUEUE } from './security-notice.ts';

/** Staff accounts, roles, sessions, sign-in and its throttle, MFA, invitations. */
export const identityModule = defineModule({
  name: 'identity',
  tables: ['users', 'user_roles', 'mfa_recovery_codes', 'sessions', 'login_failures', 'login_lockouts', 'user_invites'],
  // Staff names other modules join on (migration 0095, identity.views.ts).
  views: ['staff_directory', 'staff_roles'],
  jobs: { [SECURITY_NOTICE_QUEUE]: handleSecurityNoticeJob },
  audit: identityAuditEvents,
});
