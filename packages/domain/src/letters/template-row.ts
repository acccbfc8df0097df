import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { LetterTemplate } from './letters.schemas.ts';
import type { LetterTemplatesTable } from './letters.tables.ts';
import { fieldsOf } from './merge-fields.ts';
import type { Selectable } from 'kysely';

export type TemplateRow = Selectable<LetterTemplatesTable>;

export function toTemplate(r: TemplateRow): LetterTemplate {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    body: r.body,
    fields: fieldsOf(r.body),
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** One template of the caller's practice (another practice's, or none: 404); `lock` takes the row for an edit. */
export async function loadTemplate(ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<TemplateRow> {
  let q = ctx.db.selectFrom('letter_templates').selectAll().where('id', '=', id).where('organization_id', '=', ctx.organizationId);
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('letter template');
  return row;
}
