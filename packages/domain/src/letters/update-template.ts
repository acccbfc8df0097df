import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { LetterTemplate, LetterTemplatePatch } from './letters.schemas.ts';
import { fieldsOf } from './merge-fields.ts';
import { uniqueName } from './save-template-guard.ts';
import { loadTemplate, toTemplate } from './template-row.ts';

/**
 * Edit a template's name, kind or text, or deactivate it (`active: false`; letters already
 * written keep their text). `expectedVersion` from If-Match: 412 with the current template when
 * someone saved it since.
 */
export async function updateTemplate(ctx: Ctx, id: string, patch: LetterTemplatePatch, expectedVersion: number): Promise<LetterTemplate> {
  requirePermission(ctx, 'letter:template');
  if (patch.body !== undefined) fieldsOf(patch.body);
  return inTransaction(ctx, async (tx) => {
    const current = await loadTemplate(tx, id, { lock: true });
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `template is at version ${current.version}`, { extra: { current: toTemplate(current) } });
    const before = { name: current.name, kind: current.kind, body: current.body, active: current.active };
    const next = {
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      body: patch.body ?? current.body,
      active: patch.active ?? current.active,
    };
    const row = await uniqueName(() =>
      tx.db
        .updateTable('letter_templates')
        .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
        .where('id', '=', id)
        .where('organization_id', '=', tx.organizationId)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    // The text itself stays out of the trail (it may be long): that it changed, and its fields, are recorded.
    const { body: bodyBefore, ...restBefore } = before;
    const { body: bodyAfter, ...restAfter } = next;
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'letter_template',
      resourceId: id,
      changes: diffFields(restBefore, restAfter),
      details: { bodyChanged: bodyBefore !== bodyAfter, fields: fieldsOf(bodyAfter) },
    });
    return toTemplate(row);
  });
}
