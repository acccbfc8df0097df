import { requireActiveStaff } from '../identity/index.ts';
import { type PatientAccess, requirePatientAccess, actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { patientsByPhone } from '../patients/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { createTask } from '../tasks/index.ts';
import { loadCall } from './call-row.ts';
import { UNANSWERED_OUTCOMES } from './calls.tables.ts';
import type { CallInput, CallerCandidate, LoggedCall } from './calls.schemas.ts';

const REASON_WORDS: Record<CallInput['reason'], string> = {
  appointment: 'appointment',
  refill_request: 'refill request',
  billing_question: 'billing question',
  results: 'results',
  complaint: 'complaint',
  other: 'call',
};

/**
 * Log a phone call. Without `patientId` the caller is matched by phone: exactly one patient
 * with that number fills it; several leave it empty and come back as `candidates` for the
 * desk to pick (PATCH). An unanswered inbound call waits for a call back (follow-up open); a
 * `followUp` becomes a task (tasks module) in the same transaction. The note is PHI: the
 * call and its audit row are written together.
 */
export async function logCall(ctx: Ctx, input: CallInput): Promise<LoggedCall> {
  return inTransaction(ctx, async (tx) => {
    const locationId = (await actingLocation(tx, 'call:write', input.locationId)).id;
    const now = tx.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + 60_000) throw invalid('occurredAt', 'A call cannot be logged in the future.');

    let access: PatientAccess | undefined;
    let candidates: CallerCandidate[] = [];
    let match: 'given' | 'phone' | 'several' | 'none' = 'none';
    if (input.patientId) {
      access = await requirePatientAccess(tx, input.patientId, 'call:write');
      match = 'given';
    } else {
      candidates = await patientsByPhone(tx, input.phone);
      const only = candidates.length === 1 ? candidates[0] : undefined;
      if (only) {
        access = await requirePatientAccess(tx, only.id, 'call:write');
        match = 'phone';
        candidates = [];
      } else if (candidates.length > 1) match = 'several';
    }
    await requireActiveStaff(tx, input.followUp?.assigneeId, 'followUp.assigneeId');
    const patientId = access?.patientId ?? null;
    const unanswered = input.outcome !== undefined && UNANSWERED_OUTCOMES.includes(input.outcome);
    const row = await tx.db
      .insertInto('calls')
      .values({
        organization_id: tx.organizationId,
        location_id: locationId,
        direction: input.direction,
        phone: input.phone,
        patient_id: patientId,
        reason: input.reason,
        note: input.note,
        outcome: input.outcome ?? null,
        follow_up: input.followUp || unanswered ? 'open' : 'none',
        assigned_to: input.followUp?.assigneeId ?? null,
        taken_by: actorUserId(tx),
        occurred_at: occurredAt,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    let taskId: string | undefined;
    if (input.followUp) {
      const f = input.followUp;
      const task = await createTask(tx, {
        title: f.title ?? `Call back: ${REASON_WORDS[input.reason]}`,
        note: f.note || input.note.slice(0, 2000),
        priority: f.priority,
        kind: input.reason === 'refill_request' ? 'refill_request' : 'callback',
        locationId,
        ...(f.assigneeId && { assigneeId: f.assigneeId }),
        ...(f.dueOn && { dueOn: f.dueOn }),
        ...(patientId && { patientId }),
        source: 'call',
        sourceId: row.id,
      }).catch((e: unknown) => {
        // The task's own field names, as fields of the call's follow-up.
        if (!(e instanceof AppError) || !e.errors) throw e;
        const errors = e.errors.map((i) => ({ ...i, path: `followUp.${i.path}` }));
        throw new AppError(e.code, e.message, { errors });
      });
      taskId = task.id;
      await tx.db.updateTable('calls').set({ task_id: task.id }).where('id', '=', row.id).execute();
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'call',
      resourceId: row.id,
      ...(access && { access }),
      details: { direction: input.direction, reason: input.reason, match, ...(taskId && { followUpTaskId: taskId }) },
    });
    return { ...(await loadCall(tx, row.id)), candidates };
  });
}
