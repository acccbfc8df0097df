import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { LetterTemplate, LetterTemplateQuery } from './letters.schemas.ts';
import { loadTemplate, toTemplate } from './template-row.ts';

/** At most this many templates answer one list (a practice keeps a few dozen). */
const TEMPLATE_LIST_LIMIT = 500;

/** The practice's letter templates by name (active ones unless asked). No patient data: not audited. */
export async function listTemplates(ctx: Ctx, q: LetterTemplateQuery): Promise<{ items: LetterTemplate[]; nextCursor: null }> {
  requirePermission(ctx, 'letter:write');
  let query = ctx.db
    .selectFrom('letter_templates')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('name')
    .orderBy('id')
    .limit(TEMPLATE_LIST_LIMIT);
  if (!q.includeInactive) query = query.where('active', '=', true);
  if (q.kind) query = query.where('kind', '=', q.kind);
  return { items: (await query.execute()).map(toTemplate), nextCursor: null };
}

/** One template (another practice's: 404). */
export async function getTemplate(ctx: Ctx, id: string): Promise<LetterTemplate> {
  requirePermission(ctx, 'letter:write');
  return toTemplate(await loadTemplate(ctx, id));
}
