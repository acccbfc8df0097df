import type { CasAdjustment } from './837p-types.ts';
import type { ProviderAdjustment835, RemittanceClaim835 } from './835.ts';
import { formatCents } from './money.ts';
import { type EnvelopeOptions, envelope, type SegmentSpec, x12Date } from './writer.ts';

export const X221A1 = '005010X221A1';

export interface Build835Input {
  sender: { id: string; qualifier?: string };
  receiver: { id: string; qualifier?: string };
  /** BPR02 as written (positive) and BPR03: C credit (payment), D debit (the provider owes it). */
  payment: { amountCents: number; creditDebit?: 'C' | 'D'; method?: string; date: string };
  traceNumber: string;
  payer: { name: string; id: string };
  payee: { name: string; npi: string };
  claims: Omit<RemittanceClaim835, 'remarkCodes' | 'patientName'>[];
  providerAdjustments?: ProviderAdjustment835[];
}

const casSegments = (list: CasAdjustment[]): SegmentSpec[] => {
  const byGroup = new Map<string, CasAdjustment[]>();
  for (const a of list) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a]);
  const out: SegmentSpec[] = [];
  for (const [group, items] of byGroup)
    for (let i = 0; i < items.length; i += 6)
      out.push([
        'CAS',
        group,
        ...items
          .slice(i, i + 6)
          .flatMap((a) => [a.reasonCode, formatCents(a.amountCents), a.quantity === undefined ? '' : String(a.quantity)]),
      ] as SegmentSpec);
  return out;
};

/**
 * Builds an 835 (005010X221A1) payment: BPR, TRN, payer and payee, a CLP loop per claim with its
 * SVC lines (REF*6R, CAS, LQ*HE) and PLB provider adjustments. For demos, tests and benchmarks:
 * the practice receives 835s, it never sends them.
 */
export function build835(input: Build835Input, options: EnvelopeOptions): string {
  const date = x12Date(input.payment.date);
  const body: SegmentSpec[] = [
    [
      'BPR',
      'I',
      formatCents(input.payment.amountCents),
      input.payment.creditDebit ?? 'C',
      input.payment.method ?? 'ACH',
      'CCP',
      '01',
      '999999999',
      'DA',
      '123456',
      '1512345678',
      '',
      '01',
      '999988880',
      'DA',
      '98765',
      date,
    ],
    ['TRN', '1', input.traceNumber, `1${input.payer.id.padStart(9, '0').slice(-9)}`],
    ['DTM', '405', date],
    ['N1', 'PR', input.payer.name],
    ['REF', '2U', input.payer.id],
    ['N1', 'PE', input.payee.name, 'XX', input.payee.npi],
    ['LX', '1'],
  ];
  for (const c of input.claims) {
    body.push([
      'CLP',
      c.patientControlNumber,
      c.statusCode,
      formatCents(c.chargeCents),
      formatCents(c.paidCents),
      formatCents(c.patientResponsibilityCents),
      c.claimFilingIndicator ?? '12',
      c.payerClaimControlNumber ?? '',
    ]);
    body.push(...casSegments(c.adjustments));
    for (const l of c.lines) {
      body.push([
        'SVC',
        ['HC', l.procedureCode, ...l.modifiers],
        formatCents(l.chargeCents),
        formatCents(l.paidCents),
        '',
        String(l.units),
      ]);
      if (l.dateOfService) body.push(['DTM', '472', x12Date(l.dateOfService)]);
      body.push(...casSegments(l.adjustments));
      if (l.lineItemControlNumber) body.push(['REF', '6R', l.lineItemControlNumber]);
      for (const r of l.remarkCodes) body.push(['LQ', 'HE', r]);
    }
  }
  for (const p of input.providerAdjustments ?? [])
    body.push([
      'PLB',
      p.providerId,
      x12Date(p.fiscalPeriodDate ?? input.payment.date),
      p.reference ? [p.reasonCode, p.reference] : p.reasonCode,
      formatCents(p.amountCents),
    ]);
  return envelope(
    [body],
    {
      senderQualifier: input.sender.qualifier ?? 'ZZ',
      senderId: input.sender.id,
      receiverQualifier: input.receiver.qualifier ?? 'ZZ',
      receiverId: input.receiver.id,
      functionalCode: 'HP',
      version: X221A1,
      transactionType: '835',
    },
    options,
  );
}
