import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectStaff, toStaffMember } from './staff-row.ts';
import type { StaffMember, StaffQuery } from './staff.schemas.ts';

const staffKeys = keyset('text', 'uuid');

/**
 * The staff directory by name: everyone's title, home location and supervisor; HR fields only
 * for the people the caller manages (`hr` null otherwise). No patient data.
 */
export async function listStaff(ctx: Ctx, q: StaffQuery): Promise<{ items: StaffMember[]; nextCursor: string | null }> {
  requirePermission(ctx, 'staff:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectStaff(tx);
    if (!q.includeInactive) query = query.where('u.active', '=', true);
    if (q.locationId) query = query.where('p.location_id', '=', q.locationId);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    const c = staffKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(u.display_name, u.id) > (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = staffKeys.page(rows, q.limit, (r) => [r.display_name, r.id]);
    return { items: page.map((r) => toStaffMember(tx, r)), nextCursor };
  });
}
