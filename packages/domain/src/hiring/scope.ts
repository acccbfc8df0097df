/** What every hiring use case checks first: the location (the caller's reach there) and the people named. */
import { holdsAt, type Permission, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

export interface HiringLocation {
  id: string;
  name: string;
  zone: string;
}

export const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The location named (else the one chosen in the app, else the practice's first active one),
 * where the caller must hold `permission`: a role granted at one location never reaches
 * another. Another practice's location, or one out of reach, is a 400 naming `field` when it
 * came in a body, else a 404.
 */
export async function hiringLocation(
  tx: Ctx,
  permission: Permission,
  locationId: string | undefined | null,
  field: string | null = 'locationId',
): Promise<HiringLocation> {
  requirePermission(tx, permission);
  let q = tx.db
    .selectFrom('location_directory')
    .select(['id', 'name', 'time_zone'])
    .where('organization_id', '=', tx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  const wanted = locationId ?? tx.locationId;
  if (wanted) q = q.where('id', '=', wanted);
  const row = await q.executeTakeFirst();
  const refuse = () =>
    field && locationId ? invalid(field, 'Choose a location of this practice where you manage hiring.') : notFound('location');
  if (!row || !holdsAt(tx, permission, row.id)) throw refuse();
  return { id: row.id, name: row.name, zone: row.time_zone };
}

/** 404 (as for another practice's object) unless the caller holds `permission` at `locationId`. */
export function requireAt(tx: Ctx, permission: Permission, locationId: string, what: string): void {
  if (!holdsAt(tx, permission, locationId)) throw notFound(what);
}

/** An active member of staff of the practice, else a 400 naming `field`. */
export async function requireActiveStaff(tx: Ctx, userId: string, field: string): Promise<void> {
  const row = await tx.db
    .selectFrom('staff_directory')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid(field, 'Choose an active member of staff of this practice.');
}
