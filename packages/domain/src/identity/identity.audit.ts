import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const count = z.number().int().nonnegative();

/** The audit events the identity module writes (see shared/audit-events.ts). */
export const identityAuditEvents = defineAuditEvents({
  'login:session': {
    about: 'a sign-in: success (`resourceId` the session) or denied with the reason',
    details: z.union([
      z.strictObject({ reason: z.enum(['invalid credentials', 'code required']) }),
      z.strictObject({ mfaPending: z.literal(true) }),
      z.null(),
    ]),
  },
  'logout:session': { about: 'a sign-out', details: z.null(), writer: 'server: POST /api/auth/logout' },
  'lockout:session': {
    about: 'sign-in starts refusing an account or an address (written once, when it starts)',
    details: z.strictObject({ scope: z.enum(['account', 'ip', 'ip_delay']), retryAfterSeconds: z.number().nonnegative() }),
  },
  'session_end:session': { about: "an administrator ended one of a user's sessions", details: z.strictObject({ userId: z.guid() }) },
  'read:user': {
    about: "someone else's account was opened (an administrator's view; reading one's own, GET /api/me included, is not recorded)",
    details: z.null(),
  },
  'read:user_sessions': { about: "a user's active sessions were listed", details: z.null() },
  'create:user': {
    about: 'a staff account was created (`changes.roles`)',
    details: z.strictObject({ invited: z.literal(true) }).nullable(),
  },
  'invite:user': {
    about: 'an invitation was issued (or reissued, ending the sessions in use)',
    details: z.strictObject({ expiresAt: z.iso.datetime(), sessionsEnded: count.optional() }),
  },
  'password_set:user': { about: 'a password was set by accepting an invitation', details: z.strictObject({ via: z.literal('invite') }) },
  'password_change:user': {
    about: 'a user changed their password (denied: wrong current password)',
    details: z.union([z.strictObject({ otherSessionsEnded: count }), z.strictObject({ reason: z.literal('wrong current password') })]),
  },
  'role_change:user': { about: "a user's roles were changed (`changes.roles`)", details: z.null() },
  'deactivate:user': { about: 'an account was deactivated and its sessions ended', details: z.strictObject({ sessionsEnded: count }) },
  'unlock:user': {
    about: 'an administrator lifted a sign-in lockout',
    details: z.strictObject({ wasLockedUntil: z.iso.datetime().nullable() }),
  },
  'mfa_enroll:user': { about: 'an authenticator secret was issued', details: z.null() },
  'mfa_activate:user': {
    about: 'two-factor sign-in was turned on (denied: wrong code)',
    details: z.strictObject({ recoveryCodes: count }).nullable(),
  },
  'mfa_verify:user': {
    about: 'a second factor at sign-in (denied: wrong, expired or reused)',
    details: z.strictObject({ method: z.enum(['totp', 'recovery_code']), recoveryCodesLeft: count.optional() }),
  },
  'verify:user': {
    about: 'a signed-in user re-entered their password or a code to confirm an act in their name (denied: wrong)',
    details: z.strictObject({ method: z.enum(['password', 'totp']), purpose: z.enum(['sign encounter']) }),
  },
  'mfa_reset:user': { about: "an administrator reset a user's two-factor sign-in", details: z.strictObject({ sessionsEnded: count }) },
});
