/** A claim's snapshot and lines as the X12 library's typed 837P claim (pure). */
import type { Address, BillingProvider837, Claim837, OtherPayer837, PersonName } from '@x12/index.ts';
import type { ClaimSnapshot, SnapshotAddress, SnapshotOtherPayer, SnapshotPerson } from './claim-snapshot.ts';
import type { ScrubClaim } from './scrub-rules.ts';

export const toAddress = (a: SnapshotAddress | null): Address | undefined =>
  a ? { line1: a.line1, ...(a.line2 ? { line2: a.line2 } : {}), city: a.city, state: a.state, postalCode: a.postalCode } : undefined;

const name = (p: { givenName: string; familyName: string }): PersonName => ({ last: p.familyName, first: p.givenName });
const sex = (p: SnapshotPerson): 'M' | 'F' | 'U' => (p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : 'U');

/** An earlier payer's adjudication (the snapshot's `otherPayers`) as loops 2320/2330A/2330B/2430. */
export const toOtherPayer = (op: SnapshotOtherPayer): OtherPayer837 => ({
  responsibility: op.responsibility,
  relationship: op.subscriber.relationship,
  ...(op.subscriber.groupNumber ? { groupNumber: op.subscriber.groupNumber } : {}),
  claimFilingIndicator: 'CI',
  subscriber: { memberId: op.subscriber.memberId, name: name(op.subscriber) },
  payer: { name: op.payer.name, payerId: op.payer.ediPayerId ?? '' },
  paidCents: op.paidCents,
  adjustments: op.adjustments.map((a) => ({ group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents })),
  adjudicationDate: op.adjudicationDate,
  lines: op.lines.map((l) => ({
    lineNumber: l.lineNumber,
    paidCents: l.paidCents,
    adjustments: l.adjustments.map((a) => ({ group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents })),
  })),
});

export function claimTo837(
  c: ScrubClaim & {
    patientControlNumber: string;
    totalChargeCents: number;
    placeOfService: string;
    priorAuthorization: string | null;
    frequencyCode?: '1' | '7' | '8';
    payerClaimControlNumber?: string | null;
  },
): Claim837 {
  const self = c.subscriber.relationship === '18';
  return {
    patientControlNumber: c.patientControlNumber,
    totalChargeCents: c.totalChargeCents,
    placeOfService: c.placeOfService,
    frequencyCode: c.frequencyCode ?? '1',
    ...(c.payerClaimControlNumber ? { payerClaimControlNumber: c.payerClaimControlNumber } : {}),
    ...(c.priorAuthorization ? { priorAuthorization: c.priorAuthorization } : {}),
    subscriber: {
      memberId: c.subscriber.memberId,
      name: name(c.subscriber),
      dateOfBirth: c.subscriber.birthDate ?? '',
      sex: sex(c.subscriber),
      ...(c.subscriber.address ? { address: toAddress(c.subscriber.address) } : {}),
      ...(c.subscriber.groupNumber ? { groupNumber: c.subscriber.groupNumber } : {}),
      // The payer's, as snapshotted when the claim was built (commercial for claims from before payers kept one).
      claimFilingIndicator: c.payer.claimFilingIndicator ?? 'CI',
      payerResponsibility: c.coverage.priority === 'secondary' ? 'S' : c.coverage.priority === 'tertiary' ? 'T' : 'P',
      relationship: c.subscriber.relationship,
    },
    ...(self
      ? {}
      : {
          patient: {
            name: name(c.patient),
            dateOfBirth: c.patient.birthDate ?? '',
            sex: sex(c.patient),
            ...(c.patient.address ? { address: toAddress(c.patient.address) } : {}),
          },
        }),
    payer: { name: c.payer.name, payerId: c.payer.ediPayerId ?? '' },
    diagnoses: c.diagnoses,
    ...(c.renderingProvider.npi
      ? {
          renderingProvider: {
            npi: c.renderingProvider.npi,
            name: name(c.renderingProvider),
            ...(c.renderingProvider.taxonomy ? { taxonomy: c.renderingProvider.taxonomy } : {}),
          },
        }
      : {}),
    ...(c.referringProvider ? { referringProvider: { npi: c.referringProvider.npi, name: name(c.referringProvider) } } : {}),
    ...(c.serviceFacility.address
      ? { serviceFacility: { name: c.serviceFacility.name, address: toAddress(c.serviceFacility.address) as Address } }
      : {}),
    dateOfService: c.dateOfService,
    lines: c.lines.map((l, i) => ({
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      chargeCents: l.chargeCents,
      units: l.units,
      diagnosisPointers: l.diagnosisPointers,
      lineItemControlNumber: lineItemControlNumber(c.patientControlNumber, i + 1),
    })),
    billingProvider: billingProvider837(c.billingProvider),
    ...(c.otherPayers?.length ? { otherPayers: c.otherPayers.map(toOtherPayer) } : {}),
  };
}

/**
 * REF*6R of a claim line: the patient control number and the line number (`C0000042-2`, at most
 * 23 characters), unique in the practice; an 835 returns it in its own REF*6R.
 */
export const lineItemControlNumber = (patientControlNumber: string, lineNumber: number) => `${patientControlNumber}-${lineNumber}`;

/** The snapshot's billing provider (the practice with its location's billing NPI, TIN and address) as the 837P's 2010AA. */
export const billingProvider837 = (bp: ClaimSnapshot['billingProvider']): BillingProvider837 => ({
  npi: bp.npi ?? '',
  taxId: bp.tin ?? '',
  name: bp.name,
  address: toAddress(bp.address) ?? { line1: '', city: '', state: '', postalCode: '' },
});
