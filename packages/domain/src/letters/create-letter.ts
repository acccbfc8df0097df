import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { LetterInput, LetterPreview } from './letters.schemas.ts';
import { mergeLetter, storeLetter } from './merge-letter.ts';
import { loadTemplate } from './template-row.ts';

/**
 * Write one letter for a patient from a template (a referral, a work or school note, a results
 * letter for a doctor to sign): merged now and stored as merged, so every print is the same
 * letter. Audited with the patient in the same transaction.
 */
export async function createLetter(ctx: Ctx, input: LetterInput): Promise<{ id: string }> {
  requirePermission(ctx, 'letter:write');
  return inTransaction(ctx, async (tx) => {
    const template = await loadTemplate(tx, input.templateId);
    const access = await requirePatientAccess(tx, input.patientId, 'letter:write');
    const merged = await mergeLetter(tx, template, input.patientId, input);
    return { id: await storeLetter(tx, template, input.patientId, access, merged, null) };
  });
}

/** The letter as it would be written, nothing stored (the editor's preview; the patient's read is audited by its owner). */
export async function previewLetter(ctx: Ctx, input: LetterInput): Promise<LetterPreview> {
  requirePermission(ctx, 'letter:write');
  return inTransaction(ctx, async (tx) => {
    const template = await loadTemplate(tx, input.templateId);
    await requirePatientAccess(tx, input.patientId, 'letter:write');
    const { facts, body } = await mergeLetter(tx, template, input.patientId, input);
    return { title: template.name, recipient: [facts.recipient.name, ...facts.recipient.address].join('\n'), body };
  });
}
