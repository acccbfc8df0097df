import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { createTask, type Task } from '../tasks/index.ts';
import { getThreadIn } from './get-thread.ts';
import type { ThreadTaskInput } from './inbox.schemas.ts';

/**
 * Make a task from a staff thread (the tasks module's list; source `message`, the thread as its
 * source): by default titled with the thread's subject, for whoever the thread is assigned to,
 * about the thread's patient (whom the caller must be able to open, else 404; the task's
 * creation is audited with them). Same transaction as the task's own checks: a bad assignee or
 * due date changes nothing.
 */
export async function taskFromThread(ctx: Ctx, threadId: string, input: ThreadTaskInput): Promise<Task> {
  requirePermission(ctx, 'message:staff');
  requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    const thread = await getThreadIn(tx, threadId);
    if (thread.patientId) await requirePatientAccess(tx, thread.patientId, 'message:staff');
    const assigneeId = input.assigneeId ?? thread.assignedTo ?? undefined;
    return createTask(tx, {
      title: input.title ?? thread.subject,
      note: input.note ?? thread.messages.at(-1)?.body.slice(0, 2000) ?? '',
      ...(assigneeId && { assigneeId }),
      ...(input.dueOn && { dueOn: input.dueOn }),
      ...(input.priority && { priority: input.priority }),
      ...(thread.patientId && { patientId: thread.patientId }),
      kind: thread.kind === 'refill_request' ? 'refill_request' : 'general',
      source: 'message',
      sourceId: thread.id,
    });
  });
}
