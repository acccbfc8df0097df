import { type Expression, type SqlBool, sql } from 'kysely';
import { mayOpenPatientSql, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import type { StaffThread, StaffThreadQuery } from './inbox.schemas.ts';
import { selectThreads, toThread } from './thread-row.ts';

const threadKeys = keyset('instant', 'uuid');

/** The provider the caller's account is linked to (a clinician's queue), if any. */
async function myProviderId(ctx: Ctx): Promise<string | null> {
  const me = actorUserId(ctx);
  if (!me) return null;
  const row = await ctx.db.selectFrom('staff_directory').select('provider_id').where('id', '=', me).executeTakeFirst();
  return row?.provider_id ?? null;
}

/** "Mine": threads I am on (assigned to me, started by me, or written in by me), and those waiting unassigned in my provider's queue. */
function mineSql(me: string | null, providerId: string | null): Expression<SqlBool> {
  const on = sql<SqlBool>`(t.assigned_to = ${me} or t.created_by = ${me}
    or exists (select 1 from staff_messages m where m.thread_id = t.id and m.author_id = ${me}))`;
  if (!providerId) return on;
  return sql<SqlBool>`(${on} or (t.assigned_to is null and t.provider_id = ${providerId}))`;
}

/**
 * The staff inbox, most recent activity first: a box (mine, sent, unassigned, all) and a status.
 * Threads about a restricted record the caller may not open are left out. Audited as a search.
 */
export async function listThreads(ctx: Ctx, q: StaffThreadQuery): Promise<{ items: StaffThread[]; nextCursor: string | null }> {
  requirePermission(ctx, 'message:staff');
  const cursor = threadKeys.decode(q.cursor);
  return inTransaction(ctx, async (tx) => {
    const me = actorUserId(tx);
    const access = q.patientId ? await requirePatientAccess(tx, q.patientId, 'message:staff') : undefined;
    let query = selectThreads(tx)
      .where((eb) => eb.or([eb('t.patient_id', 'is', null), mayOpenPatientSql(tx, 'p')]))
      .orderBy('t.last_message_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(q.limit + 1);
    if (q.box === 'mine') query = query.where(mineSql(me, await myProviderId(tx)));
    if (q.box === 'sent') query = query.where('t.created_by', '=', me);
    if (q.box === 'unassigned') query = query.where('t.assigned_to', 'is', null);
    if (q.status === 'open') query = query.where('t.done_at', 'is', null);
    if (q.status === 'done') query = query.where('t.done_at', 'is not', null);
    if (q.patientId) query = query.where('t.patient_id', '=', q.patientId);
    if (cursor)
      query = query.where((eb) =>
        eb.or([eb('t.last_message_at', '<', cursor[0]), eb.and([eb('t.last_message_at', '=', cursor[0]), eb('t.id', '<', cursor[1])])]),
      );
    const { page, nextCursor } = threadKeys.page(await query.execute(), q.limit, (r) => [r.last_message_at, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'staff_thread',
      ...(access ? { access } : {}),
      details: { box: q.box, status: q.status, count: page.length },
    });
    return { items: page.map(toThread), nextCursor };
  });
}

/** How many open threads in the caller's box ("mine") have a message they have not read: the nav's badge. */
export async function countUnread(ctx: Ctx): Promise<{ unread: number }> {
  requirePermission(ctx, 'message:staff');
  const me = actorUserId(ctx);
  const row = await ctx.db
    .selectFrom('staff_threads as t')
    .leftJoin('staff_thread_reads as r', (j) => j.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', me ?? sql<string>`null`))
    .select(sql<number>`count(*)::int`.as('n'))
    .where('t.organization_id', '=', ctx.organizationId)
    .where('t.done_at', 'is', null)
    .where(mineSql(me, await myProviderId(ctx)))
    .where(sql<SqlBool>`t.last_message_at > coalesce(r.read_at, '-infinity'::timestamptz)`)
    .executeTakeFirstOrThrow();
  return { unread: row.n };
}
