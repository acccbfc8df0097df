import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import type { Vendor, VendorInput } from './payables.schemas.ts';
import { toVendor } from './rows.ts';

export const vendorNameTaken = () =>
  new AppError('ALREADY_EXISTS', 'a vendor of this name already exists', {
    errors: [{ path: 'name', message: 'a vendor of this name already exists' }],
  });

/** Add a vendor (one of a name per practice, case and spacing ignored). */
export async function createVendor(ctx: Ctx, input: VendorInput): Promise<Vendor> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('vendors')
      .values({
        organization_id: tx.organizationId,
        name: input.name,
        contact_name: input.contactName,
        address: input.address ? JSON.stringify(input.address) : null,
        phone: input.phone,
        email: input.email,
        default_category: input.defaultCategory,
        tax_id: input.taxId,
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((e) => {
        throw isUniqueViolation(e) ? vendorNameTaken() : e;
      });
    await recordAudit(tx, { action: 'create', resourceType: 'vendor', resourceId: row.id, details: { name: row.name } });
    return toVendor(row);
  });
}
