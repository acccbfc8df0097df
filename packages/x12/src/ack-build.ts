import { type EnvelopeOptions, envelope, type SegmentSpec, x12Date } from './writer.ts';

export const X231A1 = '005010X231A1';
export const X214 = '005010X214';

interface Parties {
  sender: { id: string; qualifier?: string };
  receiver: { id: string; qualifier?: string };
}

const parties = (p: Parties, functionalCode: string, version: string, transactionType: string) => ({
  senderQualifier: p.sender.qualifier ?? 'ZZ',
  senderId: p.sender.id,
  receiverQualifier: p.receiver.qualifier ?? 'ZZ',
  receiverId: p.receiver.id,
  functionalCode,
  version,
  transactionType,
});

export interface Build999Input extends Parties {
  /** AK102: the acknowledged group's GS06. */
  groupControlNumber: string;
  sets: { controlNumber: string; accepted: boolean; errors?: { segmentId: string; position: number; errorCode: string }[] }[];
}

/**
 * Builds a 999 acknowledging one 837P group (AK2/IK3/IK5 per set, AK9). For demos and tests: a
 * clearinghouse sends these, the practice only reads them.
 */
export function build999(input: Build999Input, options: EnvelopeOptions): string {
  const body: SegmentSpec[] = [['AK1', 'HC', input.groupControlNumber, '005010X222A1']];
  for (const s of input.sets) {
    body.push(['AK2', '837', s.controlNumber, '005010X222A1']);
    for (const e of s.errors ?? []) body.push(['IK3', e.segmentId, String(e.position), '', e.errorCode]);
    body.push(s.accepted ? ['IK5', 'A'] : ['IK5', 'R', '5']);
  }
  const accepted = input.sets.filter((s) => s.accepted).length;
  const n = String(input.sets.length);
  body.push(['AK9', accepted === input.sets.length ? 'A' : accepted === 0 ? 'R' : 'P', n, n, String(accepted)]);
  return envelope([body], parties(input, 'FA', X231A1, '999'), options);
}

export interface Build277CAInput extends Parties {
  payer: { name: string; id: string };
  date: string;
  claims: {
    patientControlNumber: string;
    payerClaimControlNumber?: string;
    /** STC01: category:status[:entity], e.g. A1:20 accepted, A7:562:85 rejected. */
    status: [string, string, string?];
    chargeCents: string;
    freeText?: string;
    patient: { last: string; first?: string; memberId: string };
  }[];
}

/** Builds a 277CA (005010X214) with one provider and a patient level per claim. For demos and tests. */
export function build277CA(input: Build277CAInput, options: EnvelopeOptions): string {
  const date = x12Date(input.date);
  const body: SegmentSpec[] = [
    ['BHT', '0085', '08', `CA${date}`, date, options.time, 'TH'],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', input.payer.name, '', '', '', '', 'PI', input.payer.id],
    ['TRN', '1', `CA${date}`],
    ['DTP', '050', 'D8', date],
    ['DTP', '009', 'D8', date],
    ['HL', '2', '1', '21', '1'],
    ['NM1', '41', '2', 'CLEARINGHOUSE', '', '', '', '', '46', 'CH1'],
    ['TRN', '2', '1'],
    ['DTP', '050', 'D8', date],
    ['DTP', '009', 'D8', date],
    ['HL', '3', '2', '19', '1'],
    ['NM1', '85', '2', 'PRACTICE', '', '', '', '', 'XX', '1234567893'],
  ];
  let hl = 3;
  for (const c of input.claims) {
    hl += 1;
    body.push(
      ['HL', String(hl), '3', 'PT'],
      ['NM1', 'QC', '1', c.patient.last, c.patient.first, '', '', '', 'MI', c.patient.memberId],
      ['TRN', '2', c.patientControlNumber],
      ['STC', c.status.filter((x): x is string => !!x), date, 'WQ', c.chargeCents, '', '', '', '', '', '', '', c.freeText],
    );
    if (c.payerClaimControlNumber) body.push(['REF', '1K', c.payerClaimControlNumber]);
  }
  return envelope([body], parties(input, 'HN', X214, '277'), options);
}
