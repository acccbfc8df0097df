import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { createTask, type Task } from '../tasks/index.ts';
import type { LetterTaskInput } from './letters.schemas.ts';

/**
 * Make a task from a letter (the tasks module's list; source `letter`, the letter as its source):
 * a results letter for the doctor to sign, a referral to follow up. By default titled with the
 * letter's title and the patient's name, for the account linked to the letter's signing provider
 * (when it has one), about the letter's patient, whom the caller must be able to open (else 404;
 * the task's creation is audited with them). One transaction with the task's own checks.
 */
export async function taskFromLetter(ctx: Ctx, letterId: string, input: LetterTaskInput): Promise<Task> {
  requirePermission(ctx, 'letter:write');
  requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    const letter = await tx.db
      .selectFrom('letters as l')
      .innerJoin('patient_names as p', 'p.id', 'l.patient_id')
      .select(['l.id', 'l.title', 'l.patient_id', 'l.provider_id', 'p.given_name', 'p.family_name'])
      .where('l.organization_id', '=', tx.organizationId)
      .where('l.id', '=', letterId)
      .executeTakeFirst();
    if (!letter) throw notFound('letter');
    await requirePatientAccess(tx, letter.patient_id, 'letter:write');
    const signer = letter.provider_id
      ? await tx.db
          .selectFrom('staff_directory')
          .select('id')
          .where('organization_id', '=', tx.organizationId)
          .where('provider_id', '=', letter.provider_id)
          .where('active', '=', true)
          .orderBy('display_name')
          .limit(1)
          .executeTakeFirst()
      : undefined;
    const assigneeId = input.assigneeId ?? signer?.id;
    return createTask(tx, {
      title:
        input.title ??
        `${letter.provider_id ? 'Sign' : 'Follow up'}: ${letter.title} for ${letter.given_name} ${letter.family_name}`.slice(0, 200),
      note: input.note ?? '',
      ...(assigneeId && { assigneeId }),
      ...(input.dueOn && { dueOn: input.dueOn }),
      ...(input.priority && { priority: input.priority }),
      patientId: letter.patient_id,
      source: 'letter',
      sourceId: letter.id,
    });
  });
}
