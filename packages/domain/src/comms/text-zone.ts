/** The IANA zone whose quiet hours hold a desk's text: the desk's location, else the practice's first active location. */
import type { Db } from '../shared/context.ts';

export async function deskZone(db: Db, organizationId: string, locationId: string | null): Promise<string> {
  let q = db
    .selectFrom('location_directory')
    .select('time_zone')
    .where('organization_id', '=', organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (locationId) q = q.where('id', '=', locationId);
  const row = await q.executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}
