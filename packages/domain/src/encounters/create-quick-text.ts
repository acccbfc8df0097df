import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { QuickText, QuickTextInput } from './encounters.schemas.ts';
import { toQuickText } from './template-rows.ts';

export const abbreviationTaken = () =>
  new AppError('ALREADY_EXISTS', 'the practice already has a quick text with that abbreviation', {
    errors: [{ path: 'abbreviation', message: 'already in use' }],
  });

/** Add a quick text: typing its abbreviation (`.nkda`) in a note expands to its text. */
export async function createQuickText(ctx: Ctx, input: QuickTextInput): Promise<QuickText> {
  requirePermission(ctx, 'template:manage');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('quick_texts')
      .values({ organization_id: tx.organizationId, abbreviation: input.abbreviation, text: input.text, active: input.active })
      .onConflict((oc) => oc.columns(['organization_id', 'abbreviation']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw abbreviationTaken();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'quick_text',
      resourceId: row.id,
      details: { abbreviation: row.abbreviation },
    });
    return toQuickText(row);
  });
}
