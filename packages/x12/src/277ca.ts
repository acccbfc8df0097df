import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { components, el, isoDate, readX12, type Segment, transactionsOf } from './reader.ts';

/** One STC status: category (A1 acknowledged, A7 rejected...), status code (e.g. 562) and entity code (e.g. 85). */
export interface ClaimStatus277 {
  categoryCode: string;
  statusCode: string;
  entityCode?: string;
  effectiveDate?: string;
  actionCode?: string;
}

export interface ClaimAck277CA {
  /** TRN02 of the patient level: the CLM01 the claim was sent with. */
  patientControlNumber: string;
  /** REF*1K: the payer's claim control number. */
  payerClaimControlNumber?: string;
  billType?: string;
  /** Accepted (A0, A1, A2, A5) or rejected (A3, A4, A6, A7, A8) by the first STC's category. */
  status: 'accepted' | 'rejected' | 'other';
  statuses: ClaimStatus277[];
  patient?: { last: string; first?: string; memberId?: string };
  serviceDate?: string;
  providerNpi?: string;
  segmentNumber: number;
}

export interface Ack277CA {
  controlNumber: string;
  payer: { name: string; id?: string };
  claims: ClaimAck277CA[];
}

const ACCEPTED = new Set(['A0', 'A1', 'A2', 'A5']);
const REJECTED = new Set(['A3', 'A4', 'A6', 'A7', 'A8']);

/** Reads 277CA claim acknowledgments (005010X214) and maps each claim back by its patient control number. */
export function parse277CA(text: string, options: ReadOptions = {}): { acks: Ack277CA[]; warnings: X12Issue[] } {
  const doc = readX12(text, options);
  const acks: Ack277CA[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    if (transaction.st.elements[1] !== '277')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${transaction.st.elements[1]}, not 277`,
        segmentNumber: transaction.st.segmentNumber,
        segmentId: 'ST',
      });
    const ack: Ack277CA = { controlNumber: transaction.controlNumber, payer: { name: '' }, claims: [] };
    let level = '';
    let npi: string | undefined;
    let claim: ClaimAck277CA | undefined;
    const stc = (seg: Segment): ClaimStatus277[] =>
      [1, 10, 11]
        .map((n) => components(seg.elements[n], ic))
        .filter((c) => c.length > 0 && c[0])
        .map(([categoryCode = '', statusCode = '', entityCode]) => ({
          categoryCode,
          statusCode,
          ...(entityCode ? { entityCode } : {}),
          ...(el(seg, 2) ? { effectiveDate: isoDate(el(seg, 2)) } : {}),
          ...(el(seg, 3) ? { actionCode: el(seg, 3) } : {}),
        }));
    for (const seg of transaction.segments) {
      if (seg.id === 'HL') {
        level = el(seg, 3) ?? '';
        claim = undefined;
        if (level === 'PT') {
          claim = {
            patientControlNumber: '',
            status: 'other',
            statuses: [],
            segmentNumber: seg.segmentNumber,
            ...(npi ? { providerNpi: npi } : {}),
          };
          ack.claims.push(claim);
        }
      } else if (seg.id === 'NM1') {
        if (level === '20' && el(seg, 1) === 'PR') ack.payer = { name: el(seg, 3) ?? '', ...(el(seg, 9) ? { id: el(seg, 9) } : {}) };
        if (level === '19' && el(seg, 8) === 'XX') npi = el(seg, 9);
        if (claim && el(seg, 1) === 'QC')
          claim.patient = {
            last: el(seg, 3) ?? '',
            ...(el(seg, 4) ? { first: el(seg, 4) } : {}),
            ...(el(seg, 9) ? { memberId: el(seg, 9) } : {}),
          };
      } else if (claim && seg.id === 'TRN' && el(seg, 1) === '2') claim.patientControlNumber = el(seg, 2) ?? '';
      else if (claim && seg.id === 'REF') {
        if (el(seg, 1) === '1K') claim.payerClaimControlNumber = el(seg, 2);
        if (el(seg, 1) === 'BLT') claim.billType = el(seg, 2);
      } else if (claim && seg.id === 'STC') {
        const list = stc(seg);
        claim.statuses.push(...list);
        const first = claim.statuses[0]?.categoryCode ?? '';
        claim.status = ACCEPTED.has(first) ? 'accepted' : REJECTED.has(first) ? 'rejected' : 'other';
      } else if (claim && seg.id === 'DTP' && el(seg, 1) === '472') claim.serviceDate = isoDate(el(seg, 3)?.split('-')[0]);
    }
    acks.push(ack);
  }
  return { acks, warnings: doc.warnings };
}
