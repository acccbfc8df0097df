import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import type { StaffThread } from './inbox.schemas.ts';

/**
 * Threads with the patient's name (patients' view), the assignee's and the author's names
 * (identity's staff_directory) and whether the caller has read the latest message.
 */
export function selectThreads(ctx: Ctx) {
  const me = actorUserId(ctx);
  return ctx.db
    .selectFrom('staff_threads as t')
    .leftJoin('patient_names as p', 'p.id', 't.patient_id')
    .leftJoin('staff_directory as a', 'a.id', 't.assigned_to')
    .leftJoin('staff_directory as c', 'c.id', 't.created_by')
    .leftJoin('staff_thread_reads as r', (j) => j.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', me ?? sql<string>`null`))
    .selectAll('t')
    .select([
      'p.given_name',
      'p.family_name',
      'p.restricted',
      'a.display_name as assigned_name',
      'c.display_name as created_name',
      sql<boolean>`t.last_message_at > coalesce(r.read_at, '-infinity'::timestamptz)`.as('unread'),
    ])
    .where('t.organization_id', '=', ctx.organizationId);
}

export type ThreadRow = Awaited<ReturnType<ReturnType<typeof selectThreads>['executeTakeFirstOrThrow']>>;

export function toThread(r: ThreadRow): StaffThread {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    patientId: r.patient_id,
    patientName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
    medicationName: r.medication_name,
    providerId: r.provider_id,
    assignedTo: r.assigned_to,
    assignedToName: r.assigned_name,
    createdBy: r.created_by,
    createdByName: r.created_name,
    lastMessageAt: r.last_message_at.toISOString(),
    unread: r.unread,
    done: r.done_at !== null,
    doneAt: r.done_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** One thread of the practice, locked for a change when asked (another practice's, or none: 404). */
export async function loadThread(ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  let q = ctx.db.selectFrom('staff_threads').selectAll().where('id', '=', id).where('organization_id', '=', ctx.organizationId);
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('message');
  return row;
}

/** The caller has read the thread up to now. */
export async function markRead(ctx: Ctx, threadId: string): Promise<void> {
  const me = actorUserId(ctx);
  if (!me) return;
  await ctx.db
    .insertInto('staff_thread_reads')
    .values({ organization_id: ctx.organizationId, thread_id: threadId, user_id: me, read_at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ read_at: ctx.clock.now() }))
    .execute();
}

/** An active account of this practice to assign to (else a 400 naming `path`). */
export async function requireColleague(ctx: Ctx, userId: string, path: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('staff_directory')
    .select('id')
    .where('id', '=', userId)
    .where('organization_id', '=', ctx.organizationId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid(path, 'not an active colleague of this practice');
}
