import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadAppointmentType } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation } from '../shared/errors.ts';
import type { NoteTemplate, NoteTemplateInput } from './encounters.schemas.ts';
import { toNoteTemplate } from './template-rows.ts';

export const templateNameTaken = () =>
  new AppError('ALREADY_EXISTS', 'the practice already has a template of that name', {
    errors: [{ path: 'name', message: 'already in use' }],
  });

/** Add a note template (SOAP sections), for one appointment type or any visit. */
export async function createNoteTemplate(ctx: Ctx, input: NoteTemplateInput): Promise<NoteTemplate> {
  requirePermission(ctx, 'template:manage');
  return inTransaction(ctx, async (tx) => {
    if (input.appointmentTypeId && !(await loadAppointmentType(tx, input.appointmentTypeId))) {
      throw invalid('appointmentTypeId', 'no such appointment type');
    }
    const row = await tx.db
      .insertInto('note_templates')
      .values({
        organization_id: tx.organizationId,
        appointment_type_id: input.appointmentTypeId,
        name: input.name,
        subjective: input.subjective,
        objective: input.objective,
        assessment: input.assessment,
        plan: input.plan,
        active: input.active,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw templateNameTaken();
    await recordAudit(tx, { action: 'create', resourceType: 'note_template', resourceId: row.id, details: { name: row.name } });
    return toNoteTemplate(row);
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? templateNameTaken() : e;
  });
}
