import type { CasAdjustment } from './837p-types.ts';
import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { parseAmountToCents } from './money.ts';
import { components, el, isoDate, readX12, type Segment, transactionsOf } from './reader.ts';

export interface RemittanceLine835 {
  procedureCode: string;
  modifiers: string[];
  chargeCents: number;
  paidCents: number;
  units: number;
  adjustments: CasAdjustment[];
  /** LQ*HE remark codes (RARC). */
  remarkCodes: string[];
  /** REF*6R: the line item control number the claim was sent with. */
  lineItemControlNumber?: string;
  dateOfService?: string;
  /**
   * SVC06: the procedure as the claim sent it, when the payer adjudicated another one (SVC01 is
   * then the adjudicated code): qualifier (HC, ...), code and modifiers.
   */
  submittedProcedure?: { qualifier: string; procedureCode: string; modifiers: string[] };
  /** SVC07: the units the claim sent, when the payer paid another number (SVC05). */
  submittedUnits?: number;
}

export interface RemittanceClaim835 {
  patientControlNumber: string;
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-23 forwarded/reversal... */
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimControlNumber?: string;
  claimFilingIndicator?: string;
  adjustments: CasAdjustment[];
  /** MOA / MIA remark codes. */
  remarkCodes: string[];
  patientName?: { last: string; first?: string };
  lines: RemittanceLine835[];
}

/**
 * One PLB provider adjustment. Sign convention (X12): a positive PLB amount REDUCES the payment (e.g. a
 * recoupment, reason WO), a negative one increases it (e.g. interest, reason L6/CV). Hence
 * BPR02 = ΣCLP04 − ΣPLB amounts.
 */
export interface ProviderAdjustment835 {
  providerId: string;
  fiscalPeriodDate?: string;
  reasonCode: string;
  reference?: string;
  amountCents: number;
}

export interface Remittance835 {
  controlNumber: string;
  trn: { traceNumber: string; payerId?: string };
  bpr: { paymentCents: number; creditDebit: string; method: string; date?: string; handlingCode: string };
  payer: { name: string; id?: string };
  payee: { name: string; idQualifier?: string; id?: string };
  claims: RemittanceClaim835[];
  providerAdjustments: ProviderAdjustment835[];
  /** 1-based segment number of the ST in the file (to point at a remittance in error messages). */
  segmentNumber: number;
}

function cas(seg: Segment): CasAdjustment[] {
  const out: CasAdjustment[] = [];
  for (let i = 2; i + 1 < seg.elements.length; i += 3) {
    const reasonCode = el(seg, i);
    const amount = el(seg, i + 1);
    if (!reasonCode || !amount) continue;
    const qty = el(seg, i + 2);
    out.push({
      group: el(seg, 1) ?? '',
      reasonCode,
      amountCents: parseAmountToCents(amount),
      ...(qty === undefined ? {} : { quantity: Number(qty) }),
    });
  }
  return out;
}

const amount = (seg: Segment | undefined, n: number) => parseAmountToCents(el(seg, n) ?? '0');

/** Reads every 835 transaction set of a file (all interchanges). Amounts are integer cents read from the strings. */
export function parse835(text: string, options: ReadOptions = {}): { transactions: Remittance835[]; warnings: X12Issue[] } {
  const doc = readX12(text, options);
  const transactions: Remittance835[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    const st = transaction.st;
    if (st.elements[1] !== '835')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${st.elements[1]}, not 835`,
        segmentNumber: st.segmentNumber,
        segmentId: 'ST',
      });
    const r: Remittance835 = {
      controlNumber: transaction.controlNumber,
      trn: { traceNumber: '' },
      bpr: { paymentCents: 0, creditDebit: '', method: '', handlingCode: '' },
      payer: { name: '' },
      payee: { name: '' },
      claims: [],
      providerAdjustments: [],
      segmentNumber: st.segmentNumber,
    };
    let party: 'PR' | 'PE' | undefined;
    let claim: RemittanceClaim835 | undefined;
    let line: RemittanceLine835 | undefined;
    for (const seg of transaction.segments) {
      switch (seg.id) {
        case 'BPR': {
          const date = isoDate(el(seg, 16));
          r.bpr = {
            handlingCode: el(seg, 1) ?? '',
            paymentCents: amount(seg, 2),
            creditDebit: el(seg, 3) ?? '',
            method: el(seg, 4) ?? '',
            ...(date ? { date } : {}),
          };
          break;
        }
        case 'TRN':
          r.trn = { traceNumber: el(seg, 2) ?? '', ...(el(seg, 3) ? { payerId: el(seg, 3) } : {}) };
          break;
        case 'N1':
          if (claim) break;
          party = el(seg, 1) === 'PR' ? 'PR' : el(seg, 1) === 'PE' ? 'PE' : undefined;
          if (party === 'PR') r.payer = { name: el(seg, 2) ?? '', ...(el(seg, 4) ? { id: el(seg, 4) } : {}) };
          if (party === 'PE') r.payee = { name: el(seg, 2) ?? '', ...(el(seg, 3) ? { idQualifier: el(seg, 3), id: el(seg, 4) } : {}) };
          break;
        case 'REF':
          if (line && el(seg, 1) === '6R') line.lineItemControlNumber = el(seg, 2);
          else if (!claim && party === 'PR' && el(seg, 1) === '2U' && !r.payer.id) r.payer.id = el(seg, 2);
          break;
        case 'CLP': {
          line = undefined;
          claim = {
            patientControlNumber: el(seg, 1) ?? '',
            statusCode: el(seg, 2) ?? '',
            chargeCents: amount(seg, 3),
            paidCents: amount(seg, 4),
            patientResponsibilityCents: amount(seg, 5),
            ...(el(seg, 7) ? { payerClaimControlNumber: el(seg, 7) } : {}),
            ...(el(seg, 6) ? { claimFilingIndicator: el(seg, 6) } : {}),
            adjustments: [],
            remarkCodes: [],
            lines: [],
          };
          r.claims.push(claim);
          break;
        }
        case 'NM1':
          if (claim && !line && el(seg, 1) === 'QC')
            claim.patientName = { last: el(seg, 3) ?? '', ...(el(seg, 4) ? { first: el(seg, 4) } : {}) };
          break;
        case 'MOA':
          if (claim) claim.remarkCodes.push(...[3, 4, 5, 6, 7].map((i) => el(seg, i)).filter((c): c is string => !!c));
          break;
        case 'MIA':
          if (claim) claim.remarkCodes.push(...[5, 20, 21, 22, 23].map((i) => el(seg, i)).filter((c): c is string => !!c));
          break;
        case 'CAS':
          if (line) line.adjustments.push(...cas(seg));
          else if (claim) claim.adjustments.push(...cas(seg));
          break;
        case 'SVC': {
          if (!claim)
            throw new X12Error({
              code: 'UNEXPECTED_SEGMENT',
              message: 'SVC outside a claim (no CLP)',
              segmentNumber: seg.segmentNumber,
              segmentId: 'SVC',
              loop: '2110',
            });
          const [, code = '', ...mods] = components(seg.elements[1], ic);
          const [qualifier, sentCode, ...sentMods] = components(seg.elements[6], ic);
          const sentUnits = el(seg, 7);
          line = {
            procedureCode: code,
            modifiers: mods.slice(0, 4).filter((m) => m !== ''),
            chargeCents: amount(seg, 2),
            paidCents: amount(seg, 3),
            units: Number(el(seg, 5) ?? '1'),
            adjustments: [],
            remarkCodes: [],
            ...(qualifier && sentCode
              ? { submittedProcedure: { qualifier, procedureCode: sentCode, modifiers: sentMods.slice(0, 4).filter((m) => m !== '') } }
              : {}),
            ...(sentUnits !== undefined ? { submittedUnits: Number(sentUnits) } : {}),
          };
          claim.lines.push(line);
          break;
        }
        case 'DTM':
          if (line && ['472', '150'].includes(el(seg, 1) ?? '')) line.dateOfService ??= isoDate(el(seg, 2));
          break;
        case 'LQ':
          if (line && el(seg, 1) === 'HE' && el(seg, 2)) line.remarkCodes.push(el(seg, 2) as string);
          break;
        case 'PLB': {
          claim = undefined;
          line = undefined;
          for (let i = 3; i + 1 < seg.elements.length; i += 2) {
            const [reasonCode = '', reference] = components(seg.elements[i], ic);
            if (!reasonCode) continue;
            const date = isoDate(el(seg, 2));
            r.providerAdjustments.push({
              providerId: el(seg, 1) ?? '',
              ...(date ? { fiscalPeriodDate: date } : {}),
              reasonCode,
              ...(reference ? { reference } : {}),
              amountCents: amount(seg, i + 1),
            });
          }
          break;
        }
        case 'LX':
          claim = undefined;
          line = undefined;
          break;
      }
    }
    transactions.push(r);
  }
  return { transactions, warnings: doc.warnings };
}

export interface Balance835 {
  balanced: boolean;
  paymentCents: number;
  claimsPaidCents: number;
  providerAdjustmentsCents: number;
  /** BPR02 − (ΣCLP04 − ΣPLB); 0 when balanced. */
  differenceCents: number;
}

/**
 * Checks BPR02 = ΣCLP04 − ΣPLB amounts (PLB amounts are positive reductions, see ProviderAdjustment835).
 * BPR02 is always written positive: BPR03 `D` (a debit: recoupments exceeded payments) makes it
 * money the provider owes, so it counts as negative here.
 */
export function balance835(r: Remittance835): Balance835 {
  const claimsPaidCents = r.claims.reduce((t, c) => t + c.paidCents, 0);
  const providerAdjustmentsCents = r.providerAdjustments.reduce((t, p) => t + p.amountCents, 0);
  const paymentCents = r.bpr.creditDebit === 'D' ? -r.bpr.paymentCents : r.bpr.paymentCents;
  const differenceCents = paymentCents - (claimsPaidCents - providerAdjustmentsCents);
  return { balanced: differenceCents === 0, paymentCents, claimsPaidCents, providerAdjustmentsCents, differenceCents };
}
