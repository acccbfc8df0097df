/** Shapes of staff accounts as the API shows them. No shape here carries a hash, a secret or a token of another user. */
import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { PASSWORD_MAX } from './passwords.ts';

export const roleAssignmentSchema = z.strictObject({ role: z.enum(ROLES), locationId: z.string().uuid().nullable() });

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  providerId: z.string().uuid().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), locationId: z.string().uuid().nullable() })),
  mfaEnabled: z.boolean(),
  /** False until an invited user has chosen a password. */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
  /** Set while too many failed sign-ins lock the account: when the lock ends by itself (an administrator can unlock it sooner). */
  signInLockedUntil: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const inviteSchema = z.object({
  token: z.string(),
  /** Path in the web UI that accepts the invite (append to the site's origin). */
  url: z.string(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const createUserBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(roleAssignmentSchema).min(1).max(50),
  providerId: z.string().uuid().nullable().optional(),
  /** Omit to invite: the answer then carries a one-time link to choose a password. */
  password: z.string().max(PASSWORD_MAX).optional(),
});

export const setRolesBodySchema = z.strictObject({ roles: z.array(roleAssignmentSchema).max(50) });

export const userSessionSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  mfaPending: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type UserSession = z.infer<typeof userSessionSchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});

export const acceptInviteBodySchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().max(1024),
});

export const mfaEnrollmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const mfaActivateBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'a 6-digit code') });
export const mfaActivatedSchema = z.object({ recoveryCodes: z.array(z.string()) });
