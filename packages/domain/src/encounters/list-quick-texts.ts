import type { Ctx } from '../shared/context.ts';
import type { QuickText } from './encounters.schemas.ts';
import { requireTemplateReader, toQuickText } from './template-rows.ts';

/** The practice's quick texts by abbreviation (the note editor expands `.normalexam` and the like). */
export async function listQuickTexts(ctx: Ctx, q: { includeInactive?: boolean } = {}): Promise<QuickText[]> {
  requireTemplateReader(ctx);
  let query = ctx.db.selectFrom('quick_texts').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!q.includeInactive) query = query.where('active', '=', true);
  const rows = await query.orderBy('abbreviation').execute();
  return rows.map(toQuickText);
}
