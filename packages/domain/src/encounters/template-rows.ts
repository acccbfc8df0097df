/** Note template and quick text rows to their public shapes, and who may read them. */
import type { Selectable } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { NoteTemplate, QuickText } from './encounters.schemas.ts';
import type { NoteTemplatesTable, QuickTextsTable } from './encounters.tables.ts';

/**
 * Templates and quick texts are the practice's own wording, not patient data: every staff
 * member of the practice may read them (`org:read`), so the administrator and office manager,
 * who maintain them without reading notes, see the list they edit.
 */
export function requireTemplateReader(ctx: Ctx): void {
  requirePermission(ctx, 'org:read');
}

export function toNoteTemplate(r: Selectable<NoteTemplatesTable>): NoteTemplate {
  return {
    id: r.id,
    appointmentTypeId: r.appointment_type_id,
    name: r.name,
    subjective: r.subjective,
    objective: r.objective,
    assessment: r.assessment,
    plan: r.plan,
    active: r.active,
    version: r.version,
  };
}

export function toQuickText(r: Selectable<QuickTextsTable>): QuickText {
  return { id: r.id, abbreviation: r.abbreviation, text: r.text, active: r.active, version: r.version };
}
