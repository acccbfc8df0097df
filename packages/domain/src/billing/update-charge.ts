import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { dollarsText, MAX_CHARGE_CENTS } from '../shared/validation.ts';
import type { ChargePatch, ChargeUpdate } from './billing.schemas.ts';
import type { PriceSource } from './billing.tables.ts';
import { loadCharge, lockCharge, requireVersion } from './charge-row.ts';
import { priceOn } from './price-on.ts';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A biller's correction of a charge in review (or one that needs a price): code, modifiers,
 * units, diagnosis pointers (within the diagnoses signed with it) or the amount.
 *
 * Pricing: an `amountCents` other than the standard schedule's price of the (new) line on its
 * date of service is a manual price and needs a `reason`; a manual price is an amount for the
 * whole line (no unit price). Without `amountCents`, a manual price stays as long as the code,
 * modifiers and units stay (a pointer fix keeps it); when one of them changes the line is
 * re-priced from the schedule and the answer's `notice` says the hand-set price was replaced.
 * Any other charge is re-priced from the schedule. Units × the schedule's fee above the largest
 * charge (MAX_CHARGE_CENTS): 400 naming `units`.
 *
 * Approved and void charges refuse (409; the database refuses too). `expectedVersion` comes
 * from If-Match. Audited with before/after and the reason.
 */
export async function updateCharge(ctx: Ctx, id: string, patch: ChargePatch, expectedVersion: number): Promise<ChargeUpdate> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const current = await lockCharge(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'claim:submit');
    await requireVersion(tx, current, expectedVersion);
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
    const lineChanged = code !== current.procedure_code || !sameList(modifiers, current.modifiers) || units !== current.units;
    const price = await priceOn(tx, code, modifiers[0] ?? '', current.date_of_service);
    const schedule = price.unitPriceCents * units;
    let amount = schedule;
    let source: PriceSource = price.source;
    let unitPrice: number | null = price.unitPriceCents;
    let notice: string | null = null;
    const manualBefore = current.price_source === 'manual';
    if (patch.amountCents !== undefined && (patch.amountCents !== schedule || price.source === 'none')) {
      if (!patch.reason) throw invalid('reason', `say why the amount differs from the schedule's ${dollarsText(schedule)}`);
      amount = patch.amountCents;
      source = 'manual';
      unitPrice = null;
    } else if (patch.amountCents === undefined && manualBefore && !lineChanged) {
      // A hand-set price stays while what it prices stays.
      amount = Number(current.amount_cents);
      source = 'manual';
      unitPrice = null;
    } else {
      if (schedule > MAX_CHARGE_CENTS)
        throw invalid(
          'units',
          `${units} units at ${dollarsText(price.unitPriceCents)} come to more than ${dollarsText(MAX_CHARGE_CENTS)}, the largest charge`,
        );
      if (manualBefore && patch.amountCents === undefined)
        notice = `The price set by hand (${dollarsText(Number(current.amount_cents))}) was replaced by the schedule's ${
          price.source === 'none' ? 'nothing: the charge needs a price' : dollarsText(schedule)
        } because the code, modifiers or units changed.`;
      if (price.source === 'none') unitPrice = 0;
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
      unit_price_cents: current.unit_price_cents === null ? null : Number(current.unit_price_cents),
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
    return { ...(await loadCharge(tx, id)), notice };
  });
}
