import { managesRole, type Role } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/**
 * A position hires into a role its manager could create an account with (identity's rule,
 * docs/PERMISSIONS.md "Who manages whom"): a grant covering the role, practice-wide or at the
 * position's location. Refused with 403 here, before anyone applies; identity checks again when
 * the account is made.
 */
export function assertMayHireInto(tx: Ctx, role: Role, locationId: string): void {
  if (tx.actor.kind === 'system') return;
  if (tx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const covered = tx.actor.roles.some((g) => (g.locationId === null || g.locationId === locationId) && managesRole(g.role, role));
  if (!covered) throw new AppError('FORBIDDEN', `you cannot hire into the ${role} role at that location: your own roles do not cover it`);
}
