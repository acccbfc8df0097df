import type { ChargeApprovedPayload, ChargeVoidedPayload } from '../billing/index.ts';
import type { Ctx } from '../shared/context.ts';
import { postEntry, postingDateAt } from './post-entry.ts';

/**
 * charge.approved: revenue earned, owed by the patient until a claim bills it to a payer
 * (Dr patient A/R, Cr revenue). A charge is posted when it is approved, not when it is created:
 * until then a biller may still correct its price, and approved charges never change.
 */
export async function postApprovedCharge(tx: Ctx, c: ChargeApprovedPayload) {
  const about = { patientId: c.patientId, encounterId: c.encounterId, chargeId: c.chargeId };
  return postEntry(tx, {
    kind: 'charge',
    source: { type: 'charge', id: c.chargeId },
    postingDate: await postingDateAt(tx, c.locationId),
    memo: `Charge ${c.procedureCode}, service ${c.dateOfService}`,
    locationId: c.locationId,
    lines: [
      { account: 'patient_ar', debitCents: c.amountCents, ...about },
      { account: 'revenue', creditCents: c.amountCents, ...about },
    ],
  });
}

/** charge.voided after approval: the charge's entry mirrored (Dr revenue, Cr patient A/R), dated today. */
export async function postVoidedCharge(tx: Ctx, c: ChargeVoidedPayload) {
  if (!c.wasApproved) return null;
  const about = { patientId: c.patientId, encounterId: c.encounterId, chargeId: c.chargeId };
  return postEntry(tx, {
    kind: 'charge_void',
    source: { type: 'charge', id: c.chargeId },
    postingDate: await postingDateAt(tx, c.locationId),
    memo: `Charge voided: ${c.reason}`,
    locationId: c.locationId,
    lines: [
      { account: 'revenue', debitCents: c.amountCents, ...about },
      { account: 'patient_ar', creditCents: c.amountCents, ...about },
    ],
  });
}
