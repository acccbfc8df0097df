import { sql } from 'kysely';
import { can, requirePermission, NOBODY, todayAt } from '../access/index.ts';
import { staffIdsAt } from '../identity/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import { selectAssignments, toAssignment } from './assignment-row.ts';
import type { Assignment, AssignmentQuery, OverdueReport, TrainingDueSummary } from './training.schemas.ts';

const keys = keyset('date', 'uuid');
const DUE_SOON_DAYS = 14;

/**
 * Assignments, soonest due first: one's own ("my training"), or, for those who manage training,
 * anyone's; open (the default), overdue, completed or all.
 */
export async function listAssignments(ctx: Ctx, q: AssignmentQuery): Promise<{ items: Assignment[]; nextCursor: string | null }> {
  requirePermission(ctx, 'training:read');
  return inTransaction(ctx, async (tx) => {
    const today = await todayAt(tx);
    const me = actorUserId(tx) ?? NOBODY;
    const manager = can(tx, 'training:manage');
    const userId = q.userId === 'me' || (!q.userId && !manager) ? me : q.userId;
    if (userId && userId !== me && !manager) throw notFound('user');
    let query = selectAssignments(tx, today);
    if (userId) query = query.where('a.user_id', '=', userId);
    if (q.itemId) query = query.where('a.item_id', '=', q.itemId);
    if (q.status === 'open') query = query.where('a.completed_on', 'is', null);
    if (q.status === 'overdue') query = query.where('a.completed_on', 'is', null).where('a.due_on', '<', today);
    if (q.status === 'completed') query = query.where('a.completed_on', 'is not', null);
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(a.due_on, a.id) > (${c[0]}::date, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('a.due_on')
      .orderBy('a.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [r.due_on, r.id]);
    return { items: page.map(toAssignment), nextCursor };
  });
}

/** The overdue report: per active person (at `locationId`: those holding a role there), what is past due, most overdue first. */
export async function trainingOverdueReport(ctx: Ctx, locationId?: string): Promise<OverdueReport> {
  requirePermission(ctx, 'training:manage');
  return inTransaction(ctx, async (tx) => {
    const today = await todayAt(tx, locationId);
    let query = selectAssignments(tx, today).where('a.completed_on', 'is', null).where('a.due_on', '<', today).where('u.active', '=', true);
    if (locationId) {
      const ids = await staffIdsAt(tx.db, tx.organizationId, locationId);
      query = query.where('a.user_id', 'in', ids.length ? ids : [NOBODY]);
    }
    const rows = (await query.orderBy('u.display_name').orderBy('a.user_id').orderBy('a.due_on').limit(5_000).execute()).map(toAssignment);
    const people = new Map<string, OverdueReport['people'][number]>();
    for (const a of rows) {
      const p = people.get(a.userId) ?? { userId: a.userId, userName: a.userName, overdue: [] };
      p.overdue.push({ assignmentId: a.id, itemId: a.itemId, itemTitle: a.itemTitle, dueOn: a.dueOn, daysOverdue: a.daysOverdue });
      people.set(a.userId, p);
    }
    return { asOf: today, people: [...people.values()], total: rows.length };
  });
}

/** For the manager's dashboard: open assignments overdue, and due within the next 14 days (at `locationId`: its staff). */
export async function trainingDueSummary(ctx: Ctx, locationId?: string | null): Promise<TrainingDueSummary> {
  requirePermission(ctx, 'training:manage');
  const today = await todayAt(ctx, locationId);
  let q = ctx.db
    .selectFrom('training_assignments as a')
    .innerJoin('staff_directory as u', 'u.id', 'a.user_id')
    .select([
      sql<number>`count(*) filter (where a.due_on < ${today}::date)::int`.as('overdue'),
      sql<number>`count(*) filter (where a.due_on >= ${today}::date and a.due_on <= ${today}::date + ${DUE_SOON_DAYS}::int)::int`.as(
        'due_soon',
      ),
    ])
    .where('a.organization_id', '=', ctx.organizationId)
    .where('a.completed_on', 'is', null)
    .where('u.active', '=', true);
  if (locationId) {
    const ids = await staffIdsAt(ctx.db, ctx.organizationId, locationId);
    q = q.where('a.user_id', 'in', ids.length ? ids : [NOBODY]);
  }
  const row = await q.executeTakeFirstOrThrow();
  return { overdue: row.overdue, dueSoon: row.due_soon, dueSoonDays: DUE_SOON_DAYS };
}
