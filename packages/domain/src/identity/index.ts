export { acceptInvite } from './accept-invite.ts';
export { activateMfa } from './activate-mfa.ts';
export { changePassword } from './change-password.ts';
export { type ConfirmedIdentity, confirmIdentity, type IdentityProof } from './confirm-identity.ts';
export { createUser, type CreateUserInput, setRoles } from './create-user.ts';
export { deactivateUser } from './deactivate-user.ts';
export { endUserSession } from './end-user-session.ts';
export { enrollMfa } from './enroll-mfa.ts';
export { ensureAdmin } from './ensure-admin.ts';
export { getMe } from './get-me.ts';
export { getUser } from './get-user.ts';
export * from './identity.schemas.ts';
export type { IdentityTables } from './identity.tables.ts';
export { inviteUser } from './invite-user.ts';
export { listUserSessions } from './list-user-sessions.ts';
export { listUsers } from './list-users.ts';
export { login, type LoginInput, type LoginOptions, type LoginResult, MFA_REQUIRED_ROLES } from './login.ts';
export { IP_DELAY_FROM, IP_FAILURE_LIMIT, ipDelaySeconds, LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS } from './login-throttle.ts';
export { checkPasswordPolicy, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords.ts';
export { resetUserMfa } from './reset-user-mfa.ts';
export {
  ABSOLUTE_LIFETIME_MS,
  createSession,
  endSession,
  endSessionByToken,
  endUserSessions,
  hashToken,
  type ResolvedSession,
  resolveSession,
  toUserActor,
} from './sessions.ts';
export { setUserRoles } from './set-user-roles.ts';
export { handleSecurityNoticeJob, SECURITY_NOTICE_QUEUE } from './security-notice.ts';
export { unlockUser } from './unlock-user.ts';
export { type CreatedUser, userCreated } from './user-created.ts';
export {
  activeStaffIds,
  grantLocationsOf,
  officeManagersAt,
  practiceWideOfficeManagers,
  requireActiveStaff,
  type StaffContact,
  staffAccountsOf,
  staffIdsAt,
} from './staff-contacts.ts';
export { assertHoldsRoles } from './admin-guard.ts';
