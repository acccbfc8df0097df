/** The one query shape staff are read with (identity's directory, the profile, names) and its mapping to the API object. */
import { permissionsAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { StaffMember } from './staff.schemas.ts';

export function selectStaff(ctx: Ctx) {
  return ctx.db
    .selectFrom('staff_directory as u')
    .leftJoin('staff_profiles as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.organization_id', '=', 'u.organization_id'))
    .leftJoin('location_directory as l', 'l.id', 'p.location_id')
    .leftJoin('staff_directory as s', 's.id', 'p.supervisor_id')
    .where('u.organization_id', '=', ctx.organizationId)
    .select([
      'u.id',
      'u.display_name',
      'u.email',
      'u.active',
      'u.provider_id',
      'p.job_title',
      'p.location_id',
      'l.name as location_name',
      'p.supervisor_id',
      's.display_name as supervisor_name',
      'p.hire_date',
      'p.emergency_contact_name',
      'p.emergency_contact_relation',
      'p.emergency_contact_phone',
      'p.version',
    ]);
}

export type StaffRow = Awaited<ReturnType<ReturnType<typeof selectStaff>['executeTakeFirstOrThrow']>>;

/**
 * Whether the caller manages this person: `staff:manage` where their profile places them
 * (a person with no home location is managed by practice-wide managers only). A system
 * actor holding the permission manages everyone.
 */
export function managesStaffAt(ctx: Ctx, locationId: string | null): boolean {
  if (ctx.actor.kind === 'system') return ctx.actor.permissions.has('staff:manage');
  if (ctx.actor.kind !== 'user') return false;
  return permissionsAt(ctx.actor.roles, locationId).has('staff:manage');
}

export function toStaffMember(ctx: Ctx, r: StaffRow): StaffMember {
  const hr = managesStaffAt(ctx, r.location_id ?? null);
  return {
    userId: r.id,
    name: r.display_name,
    email: r.email,
    active: r.active,
    providerId: r.provider_id,
    jobTitle: r.job_title ?? '',
    locationId: r.location_id ?? null,
    locationName: r.location_name ?? null,
    supervisorId: r.supervisor_id ?? null,
    supervisorName: r.supervisor_name ?? null,
    hr: hr
      ? {
          hireDate: r.hire_date ?? null,
          emergencyContactName: r.emergency_contact_name ?? '',
          emergencyContactRelation: r.emergency_contact_relation ?? '',
          emergencyContactPhone: r.emergency_contact_phone ?? '',
        }
      : null,
    version: r.version ?? 0,
  };
}
