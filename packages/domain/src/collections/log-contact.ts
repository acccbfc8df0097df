import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Contact, ContactInput } from './collections.schemas.ts';
import { toContact } from './contact-row.ts';
import { ensureCollectionAccount, requireGuarantor } from './guarantor-access.ts';

/**
 * Logs a contact with a guarantor (called, voicemail, spoke, emailed, letter) with its note, a
 * promise to pay (date and amount: it becomes the guarantor's current promise, counted from
 * today) and a follow-up date; the worklist shows the newest. Audited with the guarantor's record.
 */
export async function logContact(ctx: Ctx, input: ContactInput): Promise<Contact> {
  requirePermission(ctx, 'collections:manage');
  return inTransaction(ctx, async (tx) => {
    const { access } = await requireGuarantor(tx, input.guarantorKey, 'collections:manage');
    const today = await todayAt(tx, tx.locationId);
    if (input.promiseOn && input.promiseOn < today) throw invalid('promiseOn', 'a promise to pay is for today or a later day');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('collection_contacts')
      .values({
        organization_id: tx.organizationId,
        guarantor_key: input.guarantorKey,
        type: input.type,
        note: input.note ?? '',
        promise_on: input.promiseOn ?? null,
        promise_cents: input.promiseCents ?? null,
        follow_up_on: input.followUpOn ?? null,
        created_by: actorUserId(tx),
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ensureCollectionAccount(tx, input.guarantorKey);
    await tx.db
      .updateTable('collection_accounts')
      .set({
        last_contact_at: now,
        last_contact_type: input.type,
        updated_at: now,
        ...(input.followUpOn !== undefined && { follow_up_on: input.followUpOn }),
        ...(input.promiseOn !== undefined && {
          promise_on: input.promiseOn,
          promise_cents: input.promiseCents ?? null,
          promise_made_on: today,
          promise_paid_cents: 0,
        }),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('guarantor_key', '=', input.guarantorKey)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'collection_contact',
      resourceId: row.id,
      access,
      details: {
        guarantorKey: input.guarantorKey,
        type: input.type,
        promiseCents: input.promiseCents ?? null,
        promiseOn: input.promiseOn ?? null,
      },
    });
    return toContact(row);
  });
}
