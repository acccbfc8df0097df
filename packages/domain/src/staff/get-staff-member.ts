import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { selectStaff, toStaffMember } from './staff-row.ts';
import type { StaffMember } from './staff.schemas.ts';

/** One member of staff (the ETag is the profile's version); a manager's read of the HR fields is audited. */
export async function getStaffMember(ctx: Ctx, userId: string): Promise<StaffMember> {
  requirePermission(ctx, 'staff:read');
  return inTransaction(ctx, async (tx) => {
    const row = await selectStaff(tx).where('u.id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('member of staff');
    const member = toStaffMember(tx, row);
    if (member.hr) await recordAudit(tx, { action: 'read', resourceType: 'staff_profile', resourceId: userId });
    return member;
  });
}
