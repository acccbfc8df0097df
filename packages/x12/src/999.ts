import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { components, el, readX12, transactionsOf } from './reader.ts';

export interface ElementError999 {
  /** IK401-1: element position in the segment; IK401-2: component position. */
  position: number;
  component?: number;
  dataElement?: string;
  errorCode: string;
  badValue?: string;
}

export interface SegmentError999 {
  segmentId: string;
  /** IK302: position of the segment in the acknowledged transaction set (ST = 1). */
  position: number;
  loop?: string;
  errorCode?: string;
  elementErrors: ElementError999[];
}

export interface SetAck999 {
  transactionSetId: string;
  controlNumber: string;
  version?: string;
  /** IK501: A accepted, E accepted with errors, R rejected (M, W, X also rejected). */
  status: 'accepted' | 'accepted_with_errors' | 'rejected';
  statusCode: string;
  errorCodes: string[];
  segmentErrors: SegmentError999[];
}

export interface Ack999 {
  controlNumber: string;
  group: { functionalId: string; controlNumber: string; version?: string };
  sets: SetAck999[];
  /** AK9: group-level outcome and counts. */
  groupStatus: { code: string; included: number; received: number; accepted: number; errorCodes: string[] };
}

const statusOf = (code: string): SetAck999['status'] => (code === 'A' ? 'accepted' : code === 'E' ? 'accepted_with_errors' : 'rejected');

/** Reads 999 implementation acknowledgments (005010X231A1): accepted or rejected per acknowledged transaction set. */
export function parse999(text: string, options: ReadOptions = {}): { acks: Ack999[]; warnings: X12Issue[] } {
  const doc = readX12(text, options);
  const acks: Ack999[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    if (transaction.st.elements[1] !== '999')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${transaction.st.elements[1]}, not 999`,
        segmentNumber: transaction.st.segmentNumber,
        segmentId: 'ST',
      });
    const ack: Ack999 = {
      controlNumber: transaction.controlNumber,
      group: { functionalId: '', controlNumber: '' },
      sets: [],
      groupStatus: { code: '', included: 0, received: 0, accepted: 0, errorCodes: [] },
    };
    let set: SetAck999 | undefined;
    let segErr: SegmentError999 | undefined;
    for (const seg of transaction.segments) {
      if (seg.id === 'AK1')
        ack.group = { functionalId: el(seg, 1) ?? '', controlNumber: el(seg, 2) ?? '', ...(el(seg, 3) ? { version: el(seg, 3) } : {}) };
      else if (seg.id === 'AK2') {
        set = {
          transactionSetId: el(seg, 1) ?? '',
          controlNumber: el(seg, 2) ?? '',
          ...(el(seg, 3) ? { version: el(seg, 3) } : {}),
          status: 'rejected',
          statusCode: '',
          errorCodes: [],
          segmentErrors: [],
        };
        ack.sets.push(set);
        segErr = undefined;
      } else if (seg.id === 'IK3' && set) {
        segErr = {
          segmentId: el(seg, 1) ?? '',
          position: Number(el(seg, 2) ?? '0'),
          ...(el(seg, 3) ? { loop: el(seg, 3) } : {}),
          ...(el(seg, 4) ? { errorCode: el(seg, 4) } : {}),
          elementErrors: [],
        };
        set.segmentErrors.push(segErr);
      } else if (seg.id === 'IK4' && segErr) {
        const [pos = '0', comp] = components(seg.elements[1], ic);
        segErr.elementErrors.push({
          position: Number(pos),
          ...(comp ? { component: Number(comp) } : {}),
          ...(el(seg, 2) ? { dataElement: el(seg, 2) } : {}),
          errorCode: el(seg, 3) ?? '',
          ...(el(seg, 4) ? { badValue: el(seg, 4) } : {}),
        });
      } else if (seg.id === 'IK5' && set) {
        set.statusCode = el(seg, 1) ?? '';
        set.status = statusOf(set.statusCode);
        set.errorCodes = [2, 3, 4, 5, 6].map((i) => el(seg, i)).filter((c): c is string => !!c);
      } else if (seg.id === 'AK9') {
        ack.groupStatus = {
          code: el(seg, 1) ?? '',
          included: Number(el(seg, 2) ?? '0'),
          received: Number(el(seg, 3) ?? '0'),
          accepted: Number(el(seg, 4) ?? '0'),
          errorCodes: [5, 6, 7, 8, 9].map((i) => el(seg, i)).filter((c): c is string => !!c),
        };
      }
    }
    acks.push(ack);
  }
  return { acks, warnings: doc.warnings };
}
