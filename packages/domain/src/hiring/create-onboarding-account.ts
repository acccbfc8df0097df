import { recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { createUser, activeStaffIds } from '../identity/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { updateStaffProfile } from '../staff/index.ts';
import type { OnboardingAccount } from './hiring.schemas.ts';
import { loadOnboarding, loadOnboardingRow } from './onboarding-row.ts';

/**
 * "Create account" on an onboarding: identity invites the hire (createUser without a password:
 * the answer carries the one-time link) with the position's role granted only at its location,
 * under identity's guard (nobody creates an account more privileged than their own: 403), and
 * training assigns its onboarding set in the same transaction (its `user.created` reaction).
 * The staff profile is filled through the staff module: hire date (the hire's day at the
 * location), job title, home location, supervisor (the hiring manager, while active).
 *
 * The onboarding's row is locked first, so a double click or two managers at once make one
 * account: the second finds it made (409 CONFLICT with `userId`). An email any account already
 * uses is a 409 naming `email`.
 */
export async function createOnboardingAccount(ctx: Ctx, onboardingId: string): Promise<OnboardingAccount> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    const row = await loadOnboardingRow(tx, onboardingId, 'hiring:manage', { forUpdate: true });
    if (row.user_id) throw new AppError('CONFLICT', 'the account for this hire was already created', { extra: { userId: row.user_id } });
    const roles = [{ role: row.role, locationId: row.location_id }];
    let created: Awaited<ReturnType<typeof createUser>>;
    try {
      created = await createUser(tx, { email: row.email, displayName: row.applicant_name, roles });
    } catch (e) {
      // Another account took the address between identity's check and its insert.
      if (isUniqueViolation(e))
        throw new AppError('ALREADY_EXISTS', 'a user with this email exists', { errors: [{ path: 'email', message: 'already in use' }] });
      throw e;
    }
    if (!created.invite) throw new Error('an invited account comes with its invite');
    const now = tx.clock.now();
    await tx.db
      .updateTable('hiring_onboardings')
      .set({ user_id: created.id, account_created_at: now, account_created_by: actorUserId(tx), version: row.version + 1, updated_at: now })
      .where('id', '=', onboardingId)
      .execute();
    const [supervisorId = null] = row.hiring_manager_id ? await activeStaffIds(tx.db, tx.organizationId, [row.hiring_manager_id]) : [];
    // The new account has no profile, hence no location a manager limited to one could hold:
    // the profile is written for the caller (who holds hiring:manage at the position's location)
    // as the system purpose that fills a hire's profile, in this transaction.
    const profileCtx = systemCtx(tx.db, tx.clock, tx.organizationId, 'hiring:staff-profile', tx.requestId, {
      baseDb: tx.baseDb,
      ip: tx.ip,
      userAgent: tx.userAgent,
    });
    await updateStaffProfile(
      profileCtx,
      created.id,
      {
        jobTitle: row.position_title.slice(0, 100),
        locationId: row.location_id,
        supervisorId,
        hireDate: localDateOf((row.hired_at ?? now).getTime(), row.time_zone),
      },
      0,
    );
    await tx.db.updateTable('hiring_onboardings').set({ profile_filled_at: now }).where('id', '=', onboardingId).execute();
    await recordAudit(tx, { action: 'update', resourceType: 'onboarding', resourceId: onboardingId, details: { userId: created.id } });
    return { onboarding: await loadOnboarding(tx, onboardingId, 'hiring:manage'), invite: created.invite };
  });
}
