import { sql } from 'kysely';
import { patientAccessMany, requirePermission, todayAt } from '../access/index.ts';
import { recordAuditMany } from '../audit/index.ts';
import { encounterBalances, openBalances } from '../ledger/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { emit } from '../shared/events.ts';
import { balanceWrittenOff } from './balance-written-off.ts';
import type { WriteOffInput, WriteOffResult } from './collections.schemas.ts';

/** Patients one batch writes off, and patients with open balances it reads to find them. */
const MAX_PATIENTS = 200;
const SCAN_STEP = 1000;
const MAX_SCAN_STEPS = 5;

/**
 * Small-balance write-off: every patient whose patient balance is more than zero and at most
 * `maxBalanceCents` (what is not worth a statement). With `preview` it lists them and changes
 * nothing; otherwise one batch row, a row per patient and, per patient, the event
 * `collections.balance-written-off` (the ledger posts Dr write-offs, Cr patient A/R per visit in
 * this transaction), so each such patient owes nothing afterwards. Bounded: at most 200 patients
 * a batch, found among at most 5,000 patients with open balances (`more` says to run again).
 * One batch at a time per practice (an advisory lock), so two cannot write off one balance twice.
 */
export async function writeOffSmallBalances(ctx: Ctx, input: WriteOffInput): Promise<WriteOffResult> {
  requirePermission(ctx, 'collections:write-off');
  return inTransaction(ctx, async (tx) => {
    if (!input.preview) await sql`select pg_advisory_xact_lock(hashtext(${`collections.write-off:${tx.organizationId}`}))`.execute(tx.db);
    const today = await todayAt(tx, tx.locationId);
    const found: { patientId: string; amountCents: number }[] = [];
    let after: string | undefined;
    let more = false;
    for (let step = 0; step < MAX_SCAN_STEPS; step++) {
      const page = await openBalances(tx, { today, ...(after !== undefined && { afterPatientId: after }), limit: SCAN_STEP });
      for (const b of page.items)
        if (b.patientCents > 0 && b.patientCents <= input.maxBalanceCents)
          found.push({ patientId: b.patientId, amountCents: b.patientCents });
      if (found.length > MAX_PATIENTS || !page.nextPatientId) {
        more = found.length > MAX_PATIENTS;
        break;
      }
      after = page.nextPatientId;
      if (step + 1 === MAX_SCAN_STEPS) more = true;
    }
    const candidates = found.slice(0, MAX_PATIENTS);
    const names = candidates.length
      ? await tx.db
          .selectFrom('patient_names')
          .select(['id', 'given_name', 'family_name', 'restricted'])
          .where('organization_id', '=', tx.organizationId)
          .where(
            'id',
            'in',
            candidates.map((c) => c.patientId),
          )
          .execute()
      : [];
    const access = await patientAccessMany(
      tx,
      names.map((n) => ({ id: n.id, restricted: n.restricted })),
    );
    const nameOf = new Map(names.map((n) => [n.id, `${n.given_name} ${n.family_name}`.trim()]));
    // Restricted records the caller may not open stay out of the batch (they are not shown either).
    const items = candidates
      .filter((c) => access.get(c.patientId))
      .map((c) => ({ patientId: c.patientId, patientName: nameOf.get(c.patientId) ?? '', amountCents: c.amountCents }));
    const totalCents = items.reduce((s, i) => s + i.amountCents, 0);
    if (input.preview || items.length === 0) {
      await recordAuditMany(
        tx,
        items.map((i) => ({
          action: 'search' as const,
          resourceType: 'collection_write_off',
          resourceId: i.patientId,
          access: access.get(i.patientId) ?? { patientId: i.patientId, breakGlass: false },
          details: { maxBalanceCents: input.maxBalanceCents, amountCents: i.amountCents },
        })),
      );
      return { batchId: null, preview: true, postingDate: today, patientCount: items.length, totalCents, items, more };
    }
    const batch = await tx.db
      .insertInto('collection_write_off_batches')
      .values({
        organization_id: tx.organizationId,
        max_balance_cents: input.maxBalanceCents,
        reason: input.reason,
        patient_count: items.length,
        total_cents: totalCents,
        posting_date: today,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = await tx.db
      .insertInto('collection_write_offs')
      .values(
        items.map((i) => ({
          organization_id: tx.organizationId,
          batch_id: batch.id,
          patient_id: i.patientId,
          amount_cents: i.amountCents,
        })),
      )
      .returning(['id', 'patient_id'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.patient_id, r.id]));
    for (const i of items) {
      const visits = (await encounterBalances(tx, i.patientId))
        .filter((v) => v.patientCents !== 0)
        .map((v) => ({ encounterId: v.encounterId, patientCents: v.patientCents }));
      await emit(tx, balanceWrittenOff, {
        writeOffId: idOf.get(i.patientId) as string,
        batchId: batch.id,
        patientId: i.patientId,
        postingDate: today,
        locationId: tx.locationId,
        amountCents: i.amountCents,
        visits,
      });
    }
    await recordAuditMany(
      tx,
      items.map((i) => ({
        action: 'create' as const,
        resourceType: 'collection_write_off',
        resourceId: idOf.get(i.patientId) ?? null,
        access: access.get(i.patientId) ?? { patientId: i.patientId, breakGlass: false },
        details: { batchId: batch.id, amountCents: i.amountCents, reason: input.reason },
      })),
    );
    return { batchId: batch.id, preview: false, postingDate: today, patientCount: items.length, totalCents, items, more };
  });
}
