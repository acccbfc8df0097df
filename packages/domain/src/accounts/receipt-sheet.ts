import { todayAt } from '../access/index.ts';
import { chargesByIds } from '../billing/index.ts';
import { patientBalances } from '../ledger/index.ts';
import { locationLetterhead } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Payment } from './accounts.schemas.ts';
import type { ReceiptSheet } from './receipt-pdf.ts';

/**
 * What a payment's receipt shows (PDF and email alike): the location's letterhead, the patient's
 * name as written, the day, method with the card's last four or the check number, the amount,
 * each visit it paid (by date of service), what stayed on account, and the patient's balance
 * now. The caller checked access; the patient's record is read (and audited) through getPatient.
 */
export async function receiptSheet(tx: Ctx, payment: Payment): Promise<ReceiptSheet> {
  const [letterhead, patient, charges, asOf] = await Promise.all([
    locationLetterhead(tx, payment.locationId),
    getPatient(tx, payment.patientId),
    chargesByIds(
      tx,
      payment.allocations.map((a) => a.chargeId),
    ),
    todayAt(tx, payment.locationId),
  ]);
  if (!letterhead) throw notFound('payment');
  const balance = await patientBalances(tx, payment.patientId, asOf);
  const dateOf = new Map(charges.map((c) => [c.encounterId, c.dateOfService]));
  const byVisit = new Map<string, number>();
  for (const a of payment.allocations) byVisit.set(a.encounterId, (byVisit.get(a.encounterId) ?? 0) + a.amountCents);
  const { practice, location } = letterhead;
  const methodDetail =
    payment.method === 'card'
      ? [
          payment.cardBrand,
          payment.cardLast4 ? `ending ${payment.cardLast4}` : null,
          payment.reference ? `ref. ${payment.reference}` : null,
        ]
          .filter(Boolean)
          .join(', ') || null
      : payment.method === 'check'
        ? `no. ${payment.reference}`
        : null;
  return {
    letterhead: {
      practiceName: practice,
      locationName: location.name,
      addressLines: [
        location.addressLine1,
        location.addressLine2,
        [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
      ].filter(Boolean),
      phone: location.phone,
    },
    receiptNumber: payment.id.slice(0, 8).toUpperCase(),
    patient: [patient.givenName, patient.middleName, patient.familyName, patient.suffix].filter(Boolean).join(' '),
    patientMrn: patient.mrn,
    postingDate: payment.postingDate,
    method: payment.method,
    methodDetail,
    amountCents: payment.amountCents,
    refundedCents: payment.refundedCents,
    visits: [...byVisit]
      .map(([encounterId, amountCents]) => ({ dateOfService: dateOf.get(encounterId) ?? 'unknown', amountCents }))
      .sort((a, b) => a.dateOfService.localeCompare(b.dateOfService)),
    onAccountCents: payment.unallocatedCents,
    balanceCents: balance.patientCents,
    printedOn: asOf,
  };
}
