import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import type { LetterBatch } from './letters.schemas.ts';

const batchKeys = keyset('instant', 'uuid');

function selectBatches(ctx: Ctx) {
  return ctx.db
    .selectFrom('letter_batches as b')
    .innerJoin('letter_templates as t', 't.id', 'b.template_id')
    .leftJoin('staff_directory as s', 's.id', 'b.created_by')
    .select(['b.id', 'b.template_id', 't.name', 'b.audience', 'b.min_balance_cents', 'b.letter_count', 'b.created_at', 's.display_name'])
    .where('b.organization_id', '=', ctx.organizationId);
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof selectBatches>['executeTakeFirstOrThrow']>>;

const toBatch = (r: BatchRow): LetterBatch => ({
  id: r.id,
  templateId: r.template_id,
  templateName: r.name,
  audience: r.audience,
  minBalanceCents: r.min_balance_cents,
  letterCount: r.letter_count,
  createdAt: r.created_at.toISOString(),
  createdBy: r.display_name,
});

export async function loadBatch(ctx: Ctx, id: string): Promise<LetterBatch> {
  const row = await selectBatches(ctx).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('letter batch');
  return toBatch(row);
}

/** The batches sent, newest first (counts only: no patient data, not audited; their letters are in the mail log). */
export async function listBatches(
  ctx: Ctx,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: LetterBatch[]; nextCursor: string | null }> {
  requirePermission(ctx, 'letter:write');
  const cursor = batchKeys.decode(q.cursor);
  let query = selectBatches(ctx)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(q.limit + 1);
  if (cursor)
    query = query.where((eb) =>
      eb.or([eb('b.created_at', '<', cursor[0]), eb.and([eb('b.created_at', '=', cursor[0]), eb('b.id', '<', cursor[1])])]),
    );
  const { page, nextCursor } = batchKeys.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
  return { items: page.map(toBatch), nextCursor };
}
