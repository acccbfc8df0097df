import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { loadAppointmentType } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation } from '../shared/errors.ts';
import { templateNameTaken } from './create-note-template.ts';
import type { NoteTemplate, NoteTemplatePatch } from './encounters.schemas.ts';
import { toNoteTemplate } from './template-rows.ts';

/** Edit a note template (or retire it: `active: false`); `expectedVersion` comes from If-Match. */
export async function updateNoteTemplate(ctx: Ctx, id: string, patch: NoteTemplatePatch, expectedVersion: number): Promise<NoteTemplate> {
  requirePermission(ctx, 'template:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('note_templates')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'note template not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `the template is at version ${current.version}`, {
        extra: { current: toNoteTemplate(current) },
      });
    }
    if (patch.appointmentTypeId && !(await loadAppointmentType(tx, patch.appointmentTypeId))) {
      throw invalid('appointmentTypeId', 'no such appointment type');
    }
    if (patch.name !== undefined && patch.name !== current.name) {
      const clash = await tx.db
        .selectFrom('note_templates')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('name', '=', patch.name)
        .executeTakeFirst();
      if (clash) throw templateNameTaken();
    }
    const row = await tx.db
      .updateTable('note_templates')
      .set({
        ...(patch.appointmentTypeId !== undefined && { appointment_type_id: patch.appointmentTypeId }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.subjective !== undefined && { subjective: patch.subjective }),
        ...(patch.objective !== undefined && { objective: patch.objective }),
        ...(patch.assessment !== undefined && { assessment: patch.assessment }),
        ...(patch.plan !== undefined && { plan: patch.plan }),
        ...(patch.active !== undefined && { active: patch.active }),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toNoteTemplate(current);
    const { version: _a, ...after } = toNoteTemplate(row);
    await recordAudit(tx, { action: 'update', resourceType: 'note_template', resourceId: id, changes: diffFields(before, after) });
    return toNoteTemplate(row);
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? templateNameTaken() : e;
  });
}
