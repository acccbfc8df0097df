import type { PatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { gatherMergeFacts, type LetterContext, type MergedLetterFacts } from './merge-data.ts';
import { renderTemplate } from './merge-fields.ts';
import type { TemplateRow } from './template-row.ts';

export interface MergedLetter {
  facts: MergedLetterFacts;
  body: string;
}

/** The template merged for one patient (nothing stored). An inactive template writes no new letters (409). */
export async function mergeLetter(tx: Ctx, template: TemplateRow, patientId: string, context: LetterContext): Promise<MergedLetter> {
  if (!template.active) throw new AppError('CONFLICT', 'this template is no longer in use');
  const facts = await gatherMergeFacts(tx, template.body, patientId, context);
  return { facts, body: renderTemplate(template.body, facts.values) };
}

/** Stores a merged letter (the mail log's line) and its audit row, in the caller's transaction. */
export async function storeLetter(
  tx: Ctx,
  template: TemplateRow,
  patientId: string,
  access: PatientAccess,
  merged: MergedLetter,
  batchId: string | null,
): Promise<string> {
  const { facts } = merged;
  const row = await tx.db
    .insertInto('letters')
    .values({
      organization_id: tx.organizationId,
      template_id: template.id,
      batch_id: batchId,
      patient_id: patientId,
      location_id: facts.locationId,
      provider_id: facts.signer?.id ?? null,
      appointment_id: facts.appointmentId,
      recall_id: facts.recallId,
      title: template.name,
      body: merged.body,
      recipient: facts.recipient.name,
      recipient_address: facts.recipient.address.join('\n'),
      created_by: actorUserId(tx),
      created_at: tx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(tx, {
    action: 'create',
    resourceType: 'letter',
    resourceId: row.id,
    access,
    details: { templateId: template.id, batchId },
  });
  return row.id;
}
