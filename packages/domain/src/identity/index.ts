export { createUser, type CreateUserInput, setRoles } from './create-user.ts';
export type { IdentityTables } from './identity.tables.ts';
export { login, type LoginInput, type LoginResult } from './login.ts';
export { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
export {
  ABSOLUTE_LIFETIME_MS,
  createSession,
  endSession,
  hashToken,
  type ResolvedSession,
  resolveSession,
  toUserActor,
} from './sessions.ts';
export { ensureAdmin } from './ensure-admin.ts';
export { getMe } from './get-me.ts';
