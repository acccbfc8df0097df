import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { parseAmountToCents } from './money.ts';
import { el, isoDate, readX12, type Segment, transactionsOf } from './reader.ts';

/** One EB benefit amount (copay, deductible, out-of-pocket) or percentage (coinsurance). */
export interface Benefit271 {
  serviceTypeCodes: string[];
  /** EB02: IND individual, FAM family, ... */
  coverageLevel?: string;
  /** EB06 time period qualifier: 23 calendar year, 29 remaining, 22 service year, 27 visit... */
  timePeriod?: string;
  amountCents?: number;
  /** EB08 as a percent (0.2 → 20). */
  percent?: number;
  /** EB12: true in network, false out of network, undefined when not stated. */
  inNetwork?: boolean;
  planName?: string;
}

export interface Rejection271 {
  /** HL level the AAA was read at: 20 source, 21 receiver, 22 subscriber, 23 dependent. */
  level: string;
  valid: boolean;
  reasonCode: string;
  followUpCode?: string;
  segmentNumber: number;
}

export interface Eligibility271 {
  controlNumber: string;
  /** TRN02 echoed from the 270 (the subscriber's/dependent's TRN*2). */
  traceNumber?: string;
  payer: { name: string; id?: string };
  provider: { name: string; id?: string };
  subscriber?: { memberId?: string; last: string; first?: string; dateOfBirth?: string };
  dependent?: { last: string; first?: string; dateOfBirth?: string };
  /** true on EB*1 (active coverage), false on EB*6 (inactive), null when the response says neither. */
  active: boolean | null;
  coverage: { planBegin?: string; planEnd?: string; eligibilityBegin?: string };
  planName?: string;
  copays: Benefit271[];
  coinsurance: Benefit271[];
  deductibles: Benefit271[];
  outOfPocket: Benefit271[];
  rejections: Rejection271[];
}

function percent(v: string | undefined): number | undefined {
  if (!v) return undefined;
  try {
    return parseAmountToCents(v);
  } catch {
    return Math.round(Number(v) * 10000) / 100;
  }
}

/** Reads 271 eligibility responses (005010X279A1): active coverage, dates, copay/coinsurance/deductible/OOP, AAA rejections. */
export function parse271(text: string, options: ReadOptions = {}): { responses: Eligibility271[]; warnings: X12Issue[] } {
  const doc = readX12(text, options);
  const responses: Eligibility271[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    if (transaction.st.elements[1] !== '271')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${transaction.st.elements[1]}, not 271`,
        segmentNumber: transaction.st.segmentNumber,
        segmentId: 'ST',
      });
    const r: Eligibility271 = {
      controlNumber: transaction.controlNumber,
      payer: { name: '' },
      provider: { name: '' },
      active: null,
      coverage: {},
      copays: [],
      coinsurance: [],
      deductibles: [],
      outOfPocket: [],
      rejections: [],
    };
    let level = '';
    let inBenefitRelated = false; // between LS and LE: a related entity (e.g. the PCP), not the member
    const benefit = (seg: Segment): Benefit271 => {
      const net = el(seg, 12);
      return {
        serviceTypeCodes: (el(seg, 3) ?? '').split(ic.separators.repetition).filter((c) => c !== ''),
        ...(el(seg, 2) ? { coverageLevel: el(seg, 2) } : {}),
        ...(el(seg, 6) ? { timePeriod: el(seg, 6) } : {}),
        ...(el(seg, 7) ? { amountCents: parseAmountToCents(el(seg, 7) as string) } : {}),
        ...(el(seg, 8) ? { percent: percent(el(seg, 8)) } : {}),
        ...(net === 'Y' ? { inNetwork: true } : net === 'N' ? { inNetwork: false } : {}),
        ...(el(seg, 5) ? { planName: el(seg, 5) } : {}),
      };
    };
    for (const seg of transaction.segments) {
      switch (seg.id) {
        case 'HL':
          level = el(seg, 3) ?? '';
          break;
        case 'LS':
          inBenefitRelated = true;
          break;
        case 'LE':
          inBenefitRelated = false;
          break;
        case 'TRN':
          if (el(seg, 1) === '2') r.traceNumber = el(seg, 2);
          break;
        case 'NM1': {
          if (inBenefitRelated) break;
          const who = { last: el(seg, 3) ?? '', ...(el(seg, 4) ? { first: el(seg, 4) } : {}) };
          if (level === '20') r.payer = { name: el(seg, 3) ?? '', ...(el(seg, 9) ? { id: el(seg, 9) } : {}) };
          else if (level === '21') r.provider = { name: el(seg, 3) ?? '', ...(el(seg, 9) ? { id: el(seg, 9) } : {}) };
          else if (level === '22') r.subscriber = { ...who, ...(el(seg, 9) ? { memberId: el(seg, 9) } : {}) };
          else if (level === '23') r.dependent = who;
          break;
        }
        case 'DMG': {
          const dob = isoDate(el(seg, 2));
          const target = level === '23' ? r.dependent : r.subscriber;
          if (target && dob) target.dateOfBirth = dob;
          break;
        }
        case 'DTP': {
          const [from, to] = (el(seg, 3) ?? '').split('-');
          const q = el(seg, 1);
          if (q === '346' || q === '291') r.coverage.planBegin = isoDate(from);
          if (q === '347') r.coverage.planEnd = isoDate(from);
          if (q === '291' && to) r.coverage.planEnd = isoDate(to);
          if (q === '356') r.coverage.eligibilityBegin = isoDate(from);
          break;
        }
        case 'AAA':
          r.rejections.push({
            level,
            valid: el(seg, 1) === 'Y',
            reasonCode: el(seg, 3) ?? '',
            ...(el(seg, 4) ? { followUpCode: el(seg, 4) } : {}),
            segmentNumber: seg.segmentNumber,
          });
          break;
        case 'EB': {
          if (inBenefitRelated) break;
          const code = el(seg, 1);
          if (code === '1' || code === '6') {
            if (r.active === null || code === '1') r.active = code === '1';
            if (!r.planName && el(seg, 5)) r.planName = el(seg, 5);
          }
          if (code === 'B') r.copays.push(benefit(seg));
          if (code === 'A') r.coinsurance.push(benefit(seg));
          if (code === 'C') r.deductibles.push(benefit(seg));
          if (code === 'G') r.outOfPocket.push(benefit(seg));
          break;
        }
      }
    }
    responses.push(r);
  }
  return { responses, warnings: doc.warnings };
}
