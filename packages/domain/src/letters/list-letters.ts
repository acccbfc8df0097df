import { mayOpenPatientSql, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import type { Letter, LetterQuery } from './letters.schemas.ts';
import { type LetterRow, selectLetters, toLetter } from './letter-row.ts';

const letterKeys = keyset('instant', 'uuid');

/**
 * The mail log: what was sent to whom, when and by whom, newest first (one patient's, or one
 * batch's). Letters to restricted records the caller may not open are left out. Audited as a search.
 */
export async function listLetters(ctx: Ctx, q: LetterQuery): Promise<{ items: Letter[]; nextCursor: string | null }> {
  requirePermission(ctx, 'letter:write');
  const cursor = letterKeys.decode(q.cursor);
  return inTransaction(ctx, async (tx) => {
    const access = q.patientId ? await requirePatientAccess(tx, q.patientId, 'letter:write') : undefined;
    let query = selectLetters(tx)
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(q.limit + 1);
    if (q.patientId) query = query.where('l.patient_id', '=', q.patientId);
    if (q.batchId) query = query.where('l.batch_id', '=', q.batchId);
    if (cursor)
      query = query.where((eb) =>
        eb.or([eb('l.created_at', '<', cursor[0]), eb.and([eb('l.created_at', '=', cursor[0]), eb('l.id', '<', cursor[1])])]),
      );
    const { page, nextCursor } = letterKeys.page((await query.execute()) as LetterRow[], q.limit, (r) => [r.created_at, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'letter',
      ...(access && { access }),
      details: { count: page.length, ...(q.patientId && { patientId: q.patientId }), ...(q.batchId && { batchId: q.batchId }) },
    });
    return { items: page.map(toLetter), nextCursor };
  });
}
