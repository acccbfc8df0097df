import type { PersonName } from './837p-types.ts';
import { X279A1 } from './270.ts';
import { formatCents } from './money.ts';
import { type EnvelopeOptions, envelope, type SegmentSpec, x12Date } from './writer.ts';

/** One EB benefit of a 271: copay (B), coinsurance (A), deductible (C) or out-of-pocket (G). */
export interface Benefit271Input {
  kind: 'copay' | 'coinsurance' | 'deductible' | 'outOfPocket';
  /** EB03: one service type code (30 plan coverage, 98 office visit...). */
  serviceTypeCode?: string;
  /** EB02: IND, FAM... */
  coverageLevel?: string;
  /** EB06: 23 calendar year, 29 remaining, 27 visit... */
  timePeriod?: string;
  amountCents?: number;
  /** EB08 as a percent (20 → 0.2). */
  percent?: number;
  /** EB12: Y / N; unstated when undefined. */
  inNetwork?: boolean;
}

/** A payer's 271 answer to one 270 inquiry (subscriber, or a dependent of a subscriber). */
export interface Build271Input {
  sender: { id: string; qualifier?: string };
  receiver: { id: string; qualifier?: string };
  /** TRN02 of the 270 this answers (the 271 echoes it as TRN*2). */
  traceNumber: string;
  traceOriginator: string;
  payer: { name: string; payerId: string };
  provider: { npi: string; name: string };
  subscriber: { memberId: string; name: PersonName; dateOfBirth?: string };
  dependent?: { name: PersonName; dateOfBirth?: string };
  /** EB*1 (active coverage) or EB*6 (inactive). */
  active: boolean;
  planName?: string;
  /** DTP*346 plan begin, DTP*347 plan end. */
  planBegin?: string;
  planEnd?: string;
  benefits?: Benefit271Input[];
  /** AAA at the member's level: the payer could not answer (72 invalid member id, 75 not found...). */
  rejections?: { reasonCode: string; followUpCode?: string }[];
}

const EB01 = { copay: 'B', coinsurance: 'A', deductible: 'C', outOfPocket: 'G' } as const;

const nm1 = (entity: string, n: PersonName, idQual?: string, id?: string): SegmentSpec => [
  'NM1',
  entity,
  '1',
  n.last,
  n.first,
  n.middle,
  '',
  n.suffix,
  idQual,
  id,
];

/**
 * Builds a 271 (005010X279A1) answering one inquiry. For demos and tests: payers send these, the
 * practice only reads them (parse271). Pure and deterministic.
 */
export function build271(input: Build271Input, options: EnvelopeOptions): string {
  const member = (who: { dateOfBirth?: string }): SegmentSpec[] => [
    ...(who.dateOfBirth ? [['DMG', 'D8', x12Date(who.dateOfBirth)] as SegmentSpec] : []),
    ...(input.planBegin ? [['DTP', '346', 'D8', x12Date(input.planBegin)] as SegmentSpec] : []),
    ...(input.planEnd ? [['DTP', '347', 'D8', x12Date(input.planEnd)] as SegmentSpec] : []),
    ...(input.rejections ?? []).map((r): SegmentSpec => ['AAA', 'N', '', r.reasonCode, r.followUpCode ?? 'C']),
    ...(input.rejections?.length ? [] : [['EB', input.active ? '1' : '6', 'IND', '30', '', input.planName] as SegmentSpec]),
    ...(input.rejections?.length ? [] : (input.benefits ?? [])).map(
      (b): SegmentSpec => [
        'EB',
        EB01[b.kind],
        b.coverageLevel,
        b.serviceTypeCode,
        '',
        '',
        b.timePeriod,
        b.amountCents === undefined ? undefined : formatCents(b.amountCents),
        b.percent === undefined ? undefined : String(b.percent / 100),
        '',
        '',
        '',
        b.inNetwork === undefined ? undefined : b.inNetwork ? 'Y' : 'N',
      ],
    ),
  ];
  const trn: SegmentSpec = ['TRN', '2', input.traceNumber, input.traceOriginator];
  const body: SegmentSpec[] = [
    ['BHT', '0022', '11', input.traceNumber, x12Date(options.date), options.time],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', input.payer.name, '', '', '', '', 'PI', input.payer.payerId],
    ['HL', '2', '1', '21', '1'],
    ['NM1', '1P', '2', input.provider.name, '', '', '', '', 'XX', input.provider.npi],
    ['HL', '3', '2', '22', input.dependent ? '1' : '0'],
  ];
  if (input.dependent) {
    body.push(nm1('IL', input.subscriber.name, 'MI', input.subscriber.memberId));
    if (input.subscriber.dateOfBirth) body.push(['DMG', 'D8', x12Date(input.subscriber.dateOfBirth)]);
    body.push(['HL', '4', '3', '23', '0'], trn, nm1('03', input.dependent.name), ...member(input.dependent));
  } else {
    body.push(trn, nm1('IL', input.subscriber.name, 'MI', input.subscriber.memberId), ...member(input.subscriber));
  }
  return envelope(
    [body],
    {
      senderQualifier: input.sender.qualifier ?? 'ZZ',
      senderId: input.sender.id,
      receiverQualifier: input.receiver.qualifier ?? 'ZZ',
      receiverId: input.receiver.id,
      functionalCode: 'HB',
      version: X279A1,
      transactionType: '271',
    },
    options,
  );
}
