import type { PersonName } from './837p-types.ts';
import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { el, isoDate, readX12, type Segment, transactionsOf } from './reader.ts';
import { type EnvelopeOptions, envelope, type SegmentSpec, x12Date } from './writer.ts';

export const X279A1 = '005010X279A1';

/** An eligibility inquiry for one subscriber, or one dependent of a subscriber. */
export interface Eligibility270Request {
  sender: { id: string; qualifier?: string };
  receiver: { id: string; qualifier?: string };
  /** BHT03 and TRN02: the reference the 271 echoes back. */
  traceNumber: string;
  /** TRN03: 10-character originator id (1 + the provider's TIN is common). */
  traceOriginator: string;
  payer: { name: string; payerId: string };
  provider: { npi: string; name: string; firstName?: string };
  subscriber: { memberId: string; name?: PersonName; dateOfBirth?: string; sex?: 'M' | 'F' | 'U' };
  dependent?: { name: PersonName; dateOfBirth?: string; sex?: 'M' | 'F' | 'U' };
  /** EQ01 service type codes; default ['30'] (health benefit plan coverage). */
  serviceTypeCodes?: string[];
  /** DTP*291 date of service asked about. */
  serviceDate?: string;
}

const personNm1 = (entity: string, n: PersonName | undefined, idQual?: string, id?: string): SegmentSpec => [
  'NM1',
  entity,
  '1',
  n?.last,
  n?.first,
  n?.middle,
  '',
  n?.suffix,
  idQual,
  id,
];

/** Builds a 270 (005010X279A1) for one subscriber or dependent. Pure and deterministic. */
export function build270(req: Eligibility270Request, options: EnvelopeOptions): string {
  const codes = req.serviceTypeCodes?.length ? req.serviceTypeCodes : ['30'];
  const inquiry = (who: { dateOfBirth?: string; sex?: string }): SegmentSpec[] => [
    ...(who.dateOfBirth ? [['DMG', 'D8', x12Date(who.dateOfBirth), who.sex] as SegmentSpec] : []),
    ...(req.serviceDate ? [['DTP', '291', 'D8', x12Date(req.serviceDate)] as SegmentSpec] : []),
    ...codes.map((c): SegmentSpec => ['EQ', c]),
  ];
  const trn: SegmentSpec = ['TRN', '1', req.traceNumber, req.traceOriginator];
  const body: SegmentSpec[] = [
    ['BHT', '0022', '13', req.traceNumber, x12Date(options.date), options.time],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', req.payer.name, '', '', '', '', 'PI', req.payer.payerId],
    ['HL', '2', '1', '21', '1'],
    req.provider.firstName
      ? ['NM1', '1P', '1', req.provider.name, req.provider.firstName, '', '', '', 'XX', req.provider.npi]
      : ['NM1', '1P', '2', req.provider.name, '', '', '', '', 'XX', req.provider.npi],
    ['HL', '3', '2', '22', req.dependent ? '1' : '0'],
  ];
  if (req.dependent) {
    body.push(personNm1('IL', req.subscriber.name, 'MI', req.subscriber.memberId));
    if (req.subscriber.dateOfBirth) body.push(['DMG', 'D8', x12Date(req.subscriber.dateOfBirth), req.subscriber.sex]);
    body.push(['HL', '4', '3', '23', '0'], trn, personNm1('03', req.dependent.name), ...inquiry(req.dependent));
  } else {
    body.push(trn, personNm1('IL', req.subscriber.name, 'MI', req.subscriber.memberId), ...inquiry(req.subscriber));
  }
  return envelope(
    [body],
    {
      senderQualifier: req.sender.qualifier ?? 'ZZ',
      senderId: req.sender.id,
      receiverQualifier: req.receiver.qualifier ?? 'ZZ',
      receiverId: req.receiver.id,
      functionalCode: 'HS',
      version: X279A1,
      transactionType: '270',
    },
    options,
  );
}

function name(nm1: Segment | undefined): PersonName | undefined {
  if (!el(nm1, 3)) return undefined;
  return {
    last: el(nm1, 3) ?? '',
    ...(el(nm1, 4) ? { first: el(nm1, 4) } : {}),
    ...(el(nm1, 5) ? { middle: el(nm1, 5) } : {}),
    ...(el(nm1, 7) ? { suffix: el(nm1, 7) } : {}),
  };
}

/** Reads a 270 back into the request shape (one request per transaction set). */
export function parse270(text: string, options: ReadOptions = {}): { requests: Eligibility270Request[]; warnings: X12Issue[] } {
  const doc = readX12(text, options);
  const requests: Eligibility270Request[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    if (transaction.st.elements[1] !== '270')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${transaction.st.elements[1]}, not 270`,
        segmentNumber: transaction.st.segmentNumber,
        segmentId: 'ST',
      });
    const q = (n: number) => ic.isa.elements[n]?.trim() ?? '';
    const req: Eligibility270Request = {
      sender: { id: q(6), ...(q(5) !== 'ZZ' ? { qualifier: q(5) } : {}) },
      receiver: { id: q(8), ...(q(7) !== 'ZZ' ? { qualifier: q(7) } : {}) },
      traceNumber: '',
      traceOriginator: '',
      payer: { name: '', payerId: '' },
      provider: { npi: '', name: '' },
      subscriber: { memberId: '' },
    };
    let level = '';
    const codes: string[] = [];
    for (const seg of transaction.segments) {
      if (seg.id === 'HL') level = el(seg, 3) ?? '';
      else if (seg.id === 'TRN') {
        req.traceNumber = el(seg, 2) ?? '';
        req.traceOriginator = el(seg, 3) ?? '';
      } else if (seg.id === 'NM1') {
        const entity = el(seg, 1);
        if (entity === 'PR') req.payer = { name: el(seg, 3) ?? '', payerId: el(seg, 9) ?? '' };
        else if (entity === '1P')
          req.provider = {
            npi: el(seg, 9) ?? '',
            name: el(seg, 3) ?? '',
            ...(el(seg, 2) === '1' && el(seg, 4) ? { firstName: el(seg, 4) } : {}),
          };
        else if (entity === 'IL') {
          const n = name(seg);
          req.subscriber = { memberId: el(seg, 9) ?? '', ...(n ? { name: n } : {}) };
        } else if (entity === '03') req.dependent = { name: name(seg) ?? { last: '' } };
      } else if (seg.id === 'DMG') {
        const who = level === '23' ? req.dependent : req.subscriber;
        if (who) {
          const dob = isoDate(el(seg, 2));
          if (dob) who.dateOfBirth = dob;
          const sex = el(seg, 3);
          if (sex) who.sex = sex as 'M' | 'F' | 'U';
        }
      } else if (seg.id === 'DTP' && el(seg, 1) === '291') req.serviceDate = isoDate(el(seg, 3)?.split('-')[0]);
      else if (seg.id === 'EQ' && el(seg, 1)) codes.push(el(seg, 1) as string);
    }
    req.serviceTypeCodes = codes;
    requests.push(req);
  }
  return { requests, warnings: doc.warnings };
}
