import { defineModule } from '../module-manifest.ts';
import { handleSecurityNoticeJob, SECURITY_NOTICE_QUEUE } from './security-notice.ts';

/** Staff accounts, roles, sessions, sign-in and its throttle, MFA, invitations, break-glass grants. */
export const identityModule = defineModule({
  name: 'identity',
  tables: [
    'users',
    'user_roles',
    'mfa_recovery_codes',
    'sessions',
    'login_failures',
    'login_lockouts',
    'break_glass_grants',
    'user_invites',
  ],
  jobs: { [SECURITY_NOTICE_QUEUE]: handleSecurityNoticeJob },
});
