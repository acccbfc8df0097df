import { requirePatientAccess, requirePermission } from '../access/index.ts';
import type { PatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { listRecalls, recallQuerySchema } from '../followups/index.ts';
import { openBalances } from '../ledger/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { BATCH_LIMIT, type LetterBatch, type LetterBatchInput } from './letters.schemas.ts';
import { dayAt, letterLocation } from './merge-data.ts';
import { type MergedLetter, mergeLetter, storeLetter } from './merge-letter.ts';
import { loadTemplate } from './template-row.ts';
import { loadBatch } from './list-batches.ts';

/**
 * Letters to many patients at once (a recall reminder, a balance letter, a practice closure
 * notice): to the patients named, to each patient with an overdue recall, or to each owing at
 * least `minBalanceCents`, at most BATCH_LIMIT, one letter each, all under one letterhead. Each
 * letter is a line of the mail log, audited with its patient; the batch prints as one PDF.
 */
export async function createBatch(ctx: Ctx, input: LetterBatchInput): Promise<LetterBatch> {
  requirePermission(ctx, 'letter:write');
  if (input.audience === 'patients' && !input.patientIds) throw invalid('patientIds', 'name the patients to write to');
  if (input.audience === 'balances_over' && input.minBalanceCents === undefined)
    throw invalid('minBalanceCents', 'give the smallest balance that gets a letter');
  return inTransaction(ctx, async (tx) => {
    const template = await loadTemplate(tx, input.templateId);
    if (!template.active) throw new AppError('CONFLICT', 'this template is no longer in use');
    const { location } = await letterLocation(tx, input.locationId);
    const letters: { patientId: string; access: PatientAccess; merged: MergedLetter }[] = [];
    if (input.audience === 'patients') {
      const ids = [...new Set(input.patientIds)];
      for (const [i, patientId] of ids.entries()) {
        const access = await requirePatientAccess(tx, patientId, 'letter:write').catch((e: unknown) => {
          throw e instanceof AppError && e.code === 'NOT_FOUND' ? invalid(`patientIds.${i}`, 'no such patient') : e;
        });
        letters.push({ patientId, access, merged: await mergeLetter(tx, template, patientId, { locationId: location.id }) });
      }
    } else {
      for (const patientId of await audienceOf(tx, input, location.timeZone)) {
        // Someone the caller may not open (a restricted record) gets no letter from them.
        const access = await requirePatientAccess(tx, patientId, 'letter:write').catch(() => null);
        if (!access) continue;
        letters.push({ patientId, access, merged: await mergeLetter(tx, template, patientId, { locationId: location.id }) });
      }
    }
    const batch = await tx.db
      .insertInto('letter_batches')
      .values({
        organization_id: tx.organizationId,
        template_id: template.id,
        audience: input.audience,
        min_balance_cents: input.audience === 'balances_over' ? (input.minBalanceCents ?? 0) : null,
        letter_count: letters.length,
        location_id: location.id,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const l of letters) await storeLetter(tx, template, l.patientId, l.access, l.merged, batch.id);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'letter_batch',
      resourceId: batch.id,
      details: { audience: input.audience, letters: letters.length },
    });
    return loadBatch(tx, batch.id);
  });
}

/** The patients of a named audience, as of today at the letterhead's location, at most BATCH_LIMIT. */
async function audienceOf(tx: Ctx, input: LetterBatchInput, zone: string): Promise<string[]> {
  if (input.audience === 'overdue_recalls') {
    const { items } = await listRecalls(tx, recallQuerySchema.parse({ overdue: 'true', limit: BATCH_LIMIT }));
    return [...new Set(items.map((r) => r.patientId))];
  }
  // One page of the open balances (every patient with A/R, up to 5,000), the largest owed first.
  const { items } = await openBalances(tx, { today: dayAt(tx.clock.now(), zone), limit: 5000 });
  return items
    .filter((b) => b.patientCents >= (input.minBalanceCents ?? 0) && b.patientCents > 0)
    .sort((a, b) => b.patientCents - a.patientCents)
    .slice(0, BATCH_LIMIT)
    .map((b) => b.patientId);
}
