/**
 * `user.created`: emitted inside the transaction that creates a staff account (with or
 * without an invitation), so what other modules do for a new colleague (training assigns
 * the onboarding set) commits with the account.
 */
import type { RoleAssignment } from '../access/index.ts';
import { defineEvent } from '../shared/events.ts';

export interface CreatedUser {
  userId: string;
  roles: RoleAssignment[];
  invited: boolean;
}

export const userCreated = defineEvent<CreatedUser>('user.created');
