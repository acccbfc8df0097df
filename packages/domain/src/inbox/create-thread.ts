import { requirePatientAccess, requirePermission } from '../access/index.ts';
import type { PatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { medicationsForRefill } from '../clinical/index.ts';
import { actorUserId, type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import type { StaffThreadDetail, StaffThreadInput } from './inbox.schemas.ts';
import { getThreadIn } from './get-thread.ts';
import { markRead, requireColleague } from './thread-row.ts';

/**
 * Start a staff thread: a message to colleagues (about a patient or not, assigned to someone or
 * not), or a refill request, which names the patient's active medication and goes to its
 * prescriber's queue, assigned to the prescriber's own account when they have one. With a
 * patient, the thread is audited with them in the same transaction.
 */
export async function createThread(ctx: Ctx, input: StaffThreadInput): Promise<StaffThreadDetail> {
  requirePermission(ctx, 'message:staff');
  requireUser(ctx);
  if (input.kind === 'refill_request') {
    if (!input.patientId) throw invalid('patientId', 'a refill request names the patient');
    if (!input.medicationId) throw invalid('medicationId', 'a refill request names the medication');
  } else if (!input.subject) throw invalid('subject', 'give the message a subject');
  return inTransaction(ctx, async (tx) => {
    let access: PatientAccess | undefined;
    if (input.patientId) access = await requirePatientAccess(tx, input.patientId, 'message:staff');
    if (input.assignedTo) await requireColleague(tx, input.assignedTo, 'assignedTo');
    let subject = input.subject ?? '';
    let providerId: string | null = null;
    let assignedTo = input.assignedTo ?? null;
    let medication: { id: string; name: string } | null = null;
    if (input.kind === 'refill_request' && input.patientId && input.medicationId) {
      const [med] = await medicationsForRefill(tx, input.patientId, input.medicationId);
      if (!med) throw notFound('medication');
      if (!med.prescriberProviderId)
        throw new AppError(
          'CONFLICT',
          `prescribed outside the practice (${med.prescriberName ?? 'unknown'}): send a message to a colleague instead`,
        );
      providerId = med.prescriberProviderId;
      medication = { id: med.id, name: [med.name, med.dose].filter(Boolean).join(' ') };
      subject = input.subject ?? `Refill request: ${medication.name}`;
      assignedTo ??= await prescriberAccount(tx, providerId);
    }
    const now = tx.clock.now();
    const thread = await tx.db
      .insertInto('staff_threads')
      .values({
        organization_id: tx.organizationId,
        kind: input.kind,
        subject,
        patient_id: input.patientId ?? null,
        medication_id: medication?.id ?? null,
        medication_name: medication?.name ?? null,
        provider_id: providerId,
        assigned_to: assignedTo,
        created_by: actorUserId(tx),
        last_message_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('staff_messages')
      .values({ organization_id: tx.organizationId, thread_id: thread.id, author_id: actorUserId(tx), body: input.body, created_at: now })
      .execute();
    await markRead(tx, thread.id);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'staff_thread',
      resourceId: thread.id,
      ...(access ? { access } : {}),
      details: { kind: input.kind, assignedTo },
    });
    return getThreadIn(tx, thread.id);
  });
}

/** The active account linked to the provider (the first by name when several are), else null: the request waits in the provider's queue. */
async function prescriberAccount(tx: Ctx, providerId: string): Promise<string | null> {
  const row = await tx.db
    .selectFrom('staff_directory')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('provider_id', '=', providerId)
    .where('active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
