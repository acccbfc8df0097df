import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import type { LetterTemplate, LetterTemplateInput } from './letters.schemas.ts';
import { fieldsOf } from './merge-fields.ts';
import { uniqueName } from './save-template-guard.ts';
import { toTemplate } from './template-row.ts';

/**
 * Save a letter template. Its merge fields are checked here: an unknown `{{field}}` or a stray
 * brace is a 400 naming `body` and the field, and nothing is saved.
 */
export async function createTemplate(ctx: Ctx, input: LetterTemplateInput): Promise<LetterTemplate> {
  requirePermission(ctx, 'letter:template');
  const fields = fieldsOf(input.body);
  return inTransaction(ctx, async (tx) => {
    const row = await uniqueName(() =>
      tx.db
        .insertInto('letter_templates')
        .values({
          organization_id: tx.organizationId,
          name: input.name,
          kind: input.kind,
          body: input.body,
          created_by: actorUserId(tx),
          created_at: tx.clock.now(),
          updated_at: tx.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(tx, { action: 'create', resourceType: 'letter_template', resourceId: row.id, details: { fields } });
    return toTemplate(row);
  });
}
