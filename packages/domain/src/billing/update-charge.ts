import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Charge, ChargePatch } from './billing.schemas.ts';
import { loadCharge, lockCharge } from './charge-row.ts';
import { priceOn } from './price-on.ts';

/**
 * A biller's correction of a charge in review (or one that needs a price): code, modifiers,
 * units, diagnosis pointers (within the diagnoses signed with it) or the amount. The line is
 * re-priced from the standard schedule on its date of service; an `amountCents` other than that
 * price needs a `reason`. Approved and void charges refuse (409; the database refuses too).
 * `expectedVersion` comes from If-Match. Audited with before/after and the reason.
 */
export async function updateCharge(ctx: Ctx, id: string, patch: ChargePatch, expectedVersion: number): Promise<Charge> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const current = await lockCharge(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'claim:submit');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `charge is at version ${current.version}`, { extra: { current: await loadCharge(tx, id) } });
    }
    if (current.status === 'approved' || current.status === 'void')
      throw new AppError('CONFLICT', `the charge is ${current.status === 'void' ? 'void' : 'approved'}: it no longer changes`);
    const code = patch.procedureCode ?? current.procedure_code;
    const modifiers = patch.modifiers ?? current.modifiers;
    if (new Set(modifiers).size !== modifiers.length) throw invalid('modifiers', 'lists a modifier twice');
    const units = patch.units ?? current.units;
    const pointers = patch.diagnosisPointers ?? current.diagnosis_pointers;
    // Pointers index the encounter's diagnoses as signed (1-based).
    const signed = current.encounter_diagnoses;
    const unknown = pointers.find((n) => n > signed.length);
    if (unknown !== undefined)
      throw invalid('diagnosisPointers', `the encounter was signed with ${signed.length} diagnoses; there is no diagnosis ${unknown}`);
    if (new Set(pointers).size !== pointers.length) throw invalid('diagnosisPointers', 'points at a diagnosis twice');
    const price = await priceOn(tx, code, modifiers[0] ?? '', current.date_of_service);
    const schedule = price.unitPriceCents * units;
    let amount = schedule;
    let source: 'fee_schedule' | 'procedure_list' | 'none' | 'manual' = price.source;
    let unitPrice = price.unitPriceCents;
    if (patch.amountCents !== undefined && (patch.amountCents !== schedule || price.source === 'none')) {
      if (!patch.reason) throw invalid('reason', `say why the amount differs from the schedule's ${dollars(schedule)}`);
      amount = patch.amountCents;
      source = 'manual';
      unitPrice = Math.floor(amount / units);
    }
    const next = {
      procedure_code: code,
      modifiers,
      units,
      diagnosis_pointers: pointers,
      diagnosis_codes: pointers.map((n) => signed[n - 1] as string),
      unit_price_cents: unitPrice,
      amount_cents: amount,
      price_source: source,
      status: source === 'none' ? ('needs_price' as const) : ('review' as const),
    };
    const before = {
      procedure_code: current.procedure_code,
      modifiers: current.modifiers,
      units: current.units,
      diagnosis_pointers: current.diagnosis_pointers,
      diagnosis_codes: current.diagnosis_codes,
      unit_price_cents: Number(current.unit_price_cents),
      amount_cents: Number(current.amount_cents),
      price_source: current.price_source,
      status: current.status,
    };
    await tx.db
      .updateTable('charges')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'charge',
      resourceId: id,
      access,
      changes: diffFields(before, next),
      details: { edit: 'correct', reason: patch.reason ?? null, scheduleCents: schedule },
    });
    return loadCharge(tx, id);
  });
}

const dollars = (cents: number) => `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
