import type { Ctx } from '../shared/context.ts';
import type { NoteTemplate } from './encounters.schemas.ts';
import { requireTemplateReader, toNoteTemplate } from './template-rows.ts';

/**
 * The practice's note templates by name. With `appointmentTypeId` (the picker of an encounter):
 * the active templates for that type and those for any type, the type's own first.
 */
export async function listNoteTemplates(
  ctx: Ctx,
  q: { appointmentTypeId?: string | undefined; includeInactive?: boolean } = {},
): Promise<NoteTemplate[]> {
  requireTemplateReader(ctx);
  let query = ctx.db.selectFrom('note_templates').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!q.includeInactive) query = query.where('active', '=', true);
  if (q.appointmentTypeId) {
    const typeId = q.appointmentTypeId;
    query = query
      .where((eb) => eb.or([eb('appointment_type_id', '=', typeId), eb('appointment_type_id', 'is', null)]))
      .orderBy((eb) => eb('appointment_type_id', 'is', null));
  }
  const rows = await query.orderBy('name').execute();
  return rows.map(toNoteTemplate);
}
