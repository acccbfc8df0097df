import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, isUniqueViolation, notFound } from '../shared/errors.ts';
import { vendorNameTaken } from './create-vendor.ts';
import type { Vendor, VendorPatch } from './payables.schemas.ts';
import { isUuid, toVendor } from './rows.ts';

/** Edit a vendor, or take it off the list (`active: false`); `expectedVersion` comes from If-Match. */
export async function updateVendor(ctx: Ctx, id: string, patch: VendorPatch, expectedVersion: number): Promise<Vendor> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const current = isUuid(id)
      ? await tx.db
          .selectFrom('vendors')
          .selectAll()
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!current) throw notFound('vendor');
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `vendor is at version ${current.version}`, { extra: { current: toVendor(current) } });
    const row = await tx.db
      .updateTable('vendors')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.contactName !== undefined && { contact_name: patch.contactName }),
        ...(patch.address !== undefined && { address: patch.address ? JSON.stringify(patch.address) : null }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.defaultCategory !== undefined && { default_category: patch.defaultCategory }),
        ...(patch.taxId !== undefined && { tax_id: patch.taxId }),
        ...(patch.active !== undefined && { active: patch.active }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((e) => {
        throw isUniqueViolation(e) ? vendorNameTaken() : e;
      });
    const { version: _b, ...before } = toVendor(current);
    const { version: _a, ...after } = toVendor(row);
    await recordAudit(tx, { action: 'update', resourceType: 'vendor', resourceId: id, changes: diffFields(before, after) });
    return toVendor(row);
  });
}
