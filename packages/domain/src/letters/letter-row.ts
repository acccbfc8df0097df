import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { Letter } from './letters.schemas.ts';
import type { LettersTable } from './letters.tables.ts';

/** The mail log's rows with the patient's name and the writer's (declared views, no other module's tables). */
export function selectLetters(ctx: Ctx) {
  return ctx.db
    .selectFrom('letters as l')
    .innerJoin('patient_names as p', 'p.id', 'l.patient_id')
    .leftJoin('staff_directory as s', 's.id', 'l.created_by')
    .selectAll('l')
    .select(['p.given_name', 'p.family_name', 'p.restricted', 's.display_name'])
    .where('l.organization_id', '=', ctx.organizationId);
}

export type LetterRow = Selectable<LettersTable> & {
  given_name: string;
  family_name: string;
  restricted: boolean;
  display_name: string | null;
};

export function toLetter(r: LetterRow): Letter {
  return {
    id: r.id,
    templateId: r.template_id,
    title: r.title,
    patientId: r.patient_id,
    patientName: `${r.given_name} ${r.family_name}`,
    recipient: r.recipient,
    batchId: r.batch_id,
    providerId: r.provider_id,
    locationId: r.location_id,
    createdAt: r.created_at.toISOString(),
    createdBy: r.display_name,
  };
}
