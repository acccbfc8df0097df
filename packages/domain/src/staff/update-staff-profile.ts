import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { managesStaffAt, selectStaff, toStaffMember } from './staff-row.ts';
import type { StaffMember, StaffPatch } from './staff.schemas.ts';

/**
 * Edit a member of staff's profile (made on first save): title, home location, supervisor and
 * the HR fields. Only someone managing the person's current location and, when it moves, the
 * new one (`staff:manage` there): anyone else is told the person is not found, or the location
 * (a 400 naming `locationId`). `expectedVersion` from If-Match: 0 before any profile exists.
 */
export async function updateStaffProfile(ctx: Ctx, userId: string, patch: StaffPatch, expectedVersion: number): Promise<StaffMember> {
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('staff_directory')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound('member of staff');
    const current = await tx.db
      .selectFrom('staff_profiles')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!managesStaffAt(tx, current?.location_id ?? null)) {
      // A reader who may not manage them: the same answer as a stranger's id.
      if (!managesAnywhere(tx)) throw new AppError('FORBIDDEN', 'missing permission staff:manage');
      throw notFound('member of staff');
    }
    const version = current?.version ?? 0;
    if (version !== expectedVersion) {
      const now = await selectStaff(tx).where('u.id', '=', userId).executeTakeFirstOrThrow();
      throw new AppError('VERSION_MISMATCH', `profile is at version ${version}`, { extra: { current: toStaffMember(tx, now) } });
    }
    if (patch.locationId) {
      const loc = await tx.db
        .selectFrom('location_directory')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', patch.locationId)
        .executeTakeFirst();
      if (!loc || !managesStaffAt(tx, loc.id)) throw invalid('locationId', 'Choose a location of this practice that you manage.');
    }
    if (patch.supervisorId) {
      if (patch.supervisorId === userId) throw invalid('supervisorId', 'Nobody supervises themselves.');
      const sup = await tx.db
        .selectFrom('staff_directory')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', patch.supervisorId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!sup) throw invalid('supervisorId', 'Choose an active member of staff.');
    }
    const before = {
      job_title: current?.job_title ?? '',
      location_id: current?.location_id ?? null,
      supervisor_id: current?.supervisor_id ?? null,
      hire_date: current?.hire_date ?? null,
      emergency_contact_name: current?.emergency_contact_name ?? '',
      emergency_contact_relation: current?.emergency_contact_relation ?? '',
      emergency_contact_phone: current?.emergency_contact_phone ?? '',
    };
    const next = {
      job_title: patch.jobTitle ?? before.job_title,
      location_id: patch.locationId !== undefined ? patch.locationId : before.location_id,
      supervisor_id: patch.supervisorId !== undefined ? patch.supervisorId : before.supervisor_id,
      hire_date: patch.hireDate !== undefined ? patch.hireDate : before.hire_date,
      emergency_contact_name: patch.emergencyContactName ?? before.emergency_contact_name,
      emergency_contact_relation: patch.emergencyContactRelation ?? before.emergency_contact_relation,
      emergency_contact_phone: patch.emergencyContactPhone ?? before.emergency_contact_phone,
    };
    const now = tx.clock.now();
    await tx.db
      .insertInto('staff_profiles')
      .values({ organization_id: tx.organizationId, user_id: userId, ...next, version: version + 1, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ ...next, version: version + 1, updated_at: now }))
      .execute();
    await recordAudit(tx, { action: 'update', resourceType: 'staff_profile', resourceId: userId, changes: diffFields(before, next) });
    const row = await selectStaff(tx).where('u.id', '=', userId).executeTakeFirstOrThrow();
    return toStaffMember(tx, row);
  });
}

function managesAnywhere(ctx: Ctx): boolean {
  if (ctx.actor.kind === 'system') return ctx.actor.permissions.has('staff:manage');
  if (ctx.actor.kind !== 'user') return false;
  return ctx.actor.roles.some((r) => managesStaffAt(ctx, r.locationId));
}
