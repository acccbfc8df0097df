import { recordAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';
import { emit } from '../shared/events.ts';
import { chargeCreated } from './charge-created.ts';
import { MAX_CHARGE_CENTS } from '../shared/validation.ts';
import { priceOn } from './price-on.ts';

/** What the reaction reads of encounters' `EncounterSignedPayload` (module.ts wires the event; types match structurally). */
export interface SignedEncounterLines {
  encounterId: string;
  organizationId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  /** YYYY-MM-DD in the location's zone. */
  dateOfService: string;
  diagnoses: { code: string }[];
  procedures: { code: string; modifiers: string[]; units: number; diagnosisPointers: number[] }[];
}

/**
 * Reaction to `encounter.signed`, in the signing transaction: one charge per procedure line,
 * priced from the standard fee schedule in force on the date of service (price-on.ts) times the
 * units; a line nothing prices, or whose units × fee would exceed the largest charge
 * (MAX_CHARGE_CENTS), becomes a `needs_price` charge of 0 for the biller. The signer is
 * a clinician without billing permissions: the signature was authorized and the patient opened
 * by the signer, so nothing is checked again here (as with follow-ups). Once per line (unique
 * encounter + line: a second delivery adds nothing). Emits `charge.created` for each new charge.
 * Answers the new charges' ids.
 */
export async function chargesFromSignedEncounter(tx: Ctx, payload: SignedEncounterLines): Promise<string[]> {
  if (payload.organizationId !== tx.organizationId) throw new Error('encounter.signed for another organization');
  const created: string[] = [];
  for (const [i, p] of payload.procedures.entries()) {
    const found = await priceOn(tx, p.code, p.modifiers[0] ?? '', payload.dateOfService);
    // Units × fee beyond the largest charge is no price a claim can carry: the biller prices it.
    const price = found.unitPriceCents * p.units > MAX_CHARGE_CENTS ? { unitPriceCents: 0, source: 'none' as const } : found;
    const status = price.source === 'none' ? 'needs_price' : 'review';
    const amountCents = price.unitPriceCents * p.units;
    const row = await tx.db
      .insertInto('charges')
      .values({
        organization_id: tx.organizationId,
        patient_id: payload.patientId,
        encounter_id: payload.encounterId,
        line: i + 1,
        provider_id: payload.providerId,
        location_id: payload.locationId,
        date_of_service: payload.dateOfService,
        procedure_code: p.code,
        modifiers: p.modifiers,
        units: p.units,
        diagnosis_pointers: p.diagnosisPointers,
        encounter_diagnoses: payload.diagnoses.map((d) => d.code),
        diagnosis_codes: p.diagnosisPointers.map((n) => payload.diagnoses[n - 1]?.code ?? '?'),
        unit_price_cents: price.unitPriceCents,
        amount_cents: amountCents,
        price_source: price.source,
        status,
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['encounter_id', 'line']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'charge',
      resourceId: row.id,
      patientId: payload.patientId,
      details: { encounterId: payload.encounterId, line: i + 1, amountCents, priceSource: price.source },
    });
    await emit(tx, chargeCreated, {
      chargeId: row.id,
      organizationId: tx.organizationId,
      patientId: payload.patientId,
      encounterId: payload.encounterId,
      providerId: payload.providerId,
      locationId: payload.locationId,
      dateOfService: payload.dateOfService,
      procedureCode: p.code,
      units: p.units,
      amountCents,
      status,
    });
    created.push(row.id);
  }
  return created;
}
