import { type ReadOptions, X12Error, type X12Issue } from './errors.ts';

/** The four delimiters of an interchange, read from its fixed-width ISA. */
export interface Separators {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

/** One segment: `elements[0]` is the identifier, `elements[n]` is element n (1-based as in the TR3). */
export interface Segment {
  id: string;
  elements: string[];
  /** 1-based position in the file. */
  segmentNumber: number;
  /** 1-based position in its transaction set (ST = 1), 0 outside a transaction. */
  setPosition: number;
}

export interface Transaction {
  st: Segment;
  se: Segment;
  /** ST through SE inclusive. */
  segments: Segment[];
  controlNumber: string;
}

export interface FunctionalGroup {
  gs: Segment;
  ge: Segment;
  transactions: Transaction[];
}

export interface Interchange {
  isa: Segment;
  iea: Segment;
  separators: Separators;
  groups: FunctionalGroup[];
  /** The declared component separator was wrong and `>` was used instead (lenient mode only). */
  componentFallback: boolean;
}

export interface X12Document {
  interchanges: Interchange[];
  warnings: X12Issue[];
}

/** Element separator positions of a correct 106-character ISA (index into the segment text). */
const ISA_SEPARATOR_AT = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];

/** Reads the delimiters from the ISA that starts at `at`. */
export function detectSeparators(text: string, at = 0, segmentNumber = 1): Separators {
  if (text.slice(at, at + 3) !== 'ISA')
    throw new X12Error({
      code: 'NO_ISA',
      message: `Error getting separators: ${segmentNumber === 1 ? 'the file does not start with' : 'expected'} an ISA segment`,
      segmentNumber,
      segmentId: text.slice(at, at + 3),
    });
  const element = text[at + 3] ?? '';
  const isa = text.slice(at, at + 106);
  const misplaced = ISA_SEPARATOR_AT.find((i) => isa[i] !== element);
  if (isa.length < 106 || misplaced !== undefined)
    throw new X12Error({
      code: 'ISA_LENGTH',
      message: `Error getting separators: the ISA is not 106 characters (element separator expected at character ${(misplaced ?? isa.length) + 1})`,
      segmentNumber,
      segmentId: 'ISA',
    });
  const seps: Separators = { element, repetition: isa[82] as string, component: isa[104] as string, segment: isa[105] as string };
  if (new Set(Object.values(seps)).size < 3 || seps.segment === element || seps.component === element)
    throw new X12Error({
      code: 'BAD_SEPARATORS',
      message: 'Error getting separators: the ISA declares clashing delimiters',
      segmentNumber,
      segmentId: 'ISA',
    });
  return seps;
}

/** Splits a composite element. In lenient mode a composite written with `>` under another ISA16 is split on `>`. */
export function components(value: string | undefined, ic: Pick<Interchange, 'separators' | 'componentFallback'>): string[] {
  if (value === undefined || value === '') return [];
  const parts = value.split(ic.separators.component);
  if (parts.length === 1 && ic.componentFallback && value.includes('>')) return value.split('>');
  return parts;
}

function issue(code: string, message: string, seg: Segment, element?: number): X12Issue {
  return { code, message, segmentNumber: seg.segmentNumber, segmentId: seg.id, ...(element ? { element } : {}) };
}

/**
 * Reads a file into interchanges, groups and transactions. Each ISA's separators are read from that ISA,
 * so files holding many interchanges (one per line) are read too. Envelope checks: SE01 count, SE02 = ST02,
 * GE01 count, GE02 = GS06, IEA01 count, IEA02 = ISA13. They throw, or are warnings in lenient mode.
 */
export function readX12(text: string, options: ReadOptions = {}): X12Document {
  const lenient = options.lenient ?? false;
  const warnings: X12Issue[] = [];
  const fault = (i: X12Issue) => {
    if (lenient || options.deferEnvelopeFaults) warnings.push(i);
    else throw new X12Error(i);
  };
  const interchanges: Interchange[] = [];
  let pos = 0;
  let segmentNumber = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  };
  skipSpace();
  if (pos >= text.length)
    throw new X12Error({ code: 'NO_ISA', message: 'Error getting separators: the file is empty', segmentNumber: 0, segmentId: '' });
  while (pos < text.length) {
    const separators = detectSeparators(text, pos, segmentNumber + 1);
    const segs: Segment[] = [];
    // Tokenize up to and including this interchange's IEA.
    for (;;) {
      skipSpace();
      if (pos >= text.length) break;
      let end = text.indexOf(separators.segment, pos);
      if (end < 0) end = text.length;
      const raw = text.slice(pos, end).replace(/[\r\n]+$/, '');
      pos = end + 1;
      const elements = raw.split(separators.element);
      const seg: Segment = { id: elements[0] ?? '', elements, segmentNumber: ++segmentNumber, setPosition: 0 };
      segs.push(seg);
      if (seg.id === 'IEA') break;
    }
    skipSpace();
    const isa = segs[0] as Segment;
    const last = segs[segs.length - 1] as Segment;
    if (last.id !== 'IEA') throw new X12Error(issue('MISSING_IEA', 'The interchange has no IEA trailer', last));
    const declared = separators.component;
    const mixed =
      declared !== '>' &&
      segs.some(
        (s) =>
          ['CLM', 'SV1', 'SVC', 'HI', 'SVD'].includes(s.id) &&
          !s.elements.some((e) => e.includes(declared)) &&
          s.elements.some((e) => e.includes('>')),
      );
    const componentFallback = mixed && lenient;
    if (mixed) {
      const found = issue('COMPONENT_SEPARATOR', `ISA16 declares "${declared}" but composites use ">" (read it in lenient mode)`, isa, 16);
      if (!lenient) throw new X12Error(found);
      warnings.push(found);
    }
    const ic: Interchange = { isa, iea: last, separators, groups: [], componentFallback };
    let group: FunctionalGroup | undefined;
    let tx: Segment[] | undefined;
    // A trailer that never came: refused at the segment that arrived in its place, naming where the set or group began.
    const unterminated = (seg: Segment) => {
      if (tx) {
        const st = tx[0] as Segment;
        return new X12Error(
          issue(
            'UNTERMINATED',
            `The transaction set begun by ST at segment ${st.segmentNumber} has no SE trailer: ${seg.id} at segment ${seg.segmentNumber} came first`,
            seg,
          ),
        );
      }
      const gs = group?.gs as Segment;
      return new X12Error(
        issue(
          'UNTERMINATED',
          `The functional group begun by GS at segment ${gs.segmentNumber} has no GE trailer: ${seg.id} at segment ${seg.segmentNumber} came first`,
          seg,
        ),
      );
    };
    for (const seg of segs.slice(1, -1)) {
      if (seg.id === 'GS') {
        if (tx || group) throw unterminated(seg);
        group = { gs: seg, ge: seg, transactions: [] };
      } else if (seg.id === 'GE') {
        if (tx) throw unterminated(seg);
        if (!group) throw new X12Error(issue('UNEXPECTED_SEGMENT', 'GE without GS', seg));
        group.ge = seg;
        if (Number(seg.elements[1]) !== group.transactions.length)
          fault(issue('GE_COUNT', `GE01 says ${seg.elements[1]} transaction sets but the group has ${group.transactions.length}`, seg, 1));
        if (seg.elements[2] !== group.gs.elements[6])
          fault(issue('GE_CONTROL', `GE02 ${seg.elements[2]} does not match GS06 ${group.gs.elements[6]}`, seg, 2));
        ic.groups.push(group);
        group = undefined;
      } else if (seg.id === 'ST') {
        if (tx) throw unterminated(seg);
        if (!group) throw new X12Error(issue('UNEXPECTED_SEGMENT', 'ST outside a functional group (no GS)', seg));
        tx = [seg];
        seg.setPosition = 1;
      } else if (tx) {
        tx.push(seg);
        seg.setPosition = tx.length;
        if (seg.id === 'SE') {
          const st = tx[0] as Segment;
          if (Number(seg.elements[1]) !== tx.length)
            fault(issue('SE_COUNT', `SE01 says ${seg.elements[1]} segments but the transaction set has ${tx.length}`, seg, 1));
          if (seg.elements[2] !== st.elements[2])
            fault(issue('SE_CONTROL', `SE02 ${seg.elements[2]} does not match ST02 ${st.elements[2]}`, seg, 2));
          group?.transactions.push({ st, se: seg, segments: tx, controlNumber: st.elements[2] ?? '' });
          tx = undefined;
        }
      } else {
        throw new X12Error(issue('UNEXPECTED_SEGMENT', `Segment ${seg.id} outside a transaction set`, seg));
      }
    }
    if (tx || group) throw unterminated(last);
    if (Number(last.elements[1]) !== ic.groups.length)
      fault(issue('IEA_COUNT', `IEA01 says ${last.elements[1]} groups but the interchange has ${ic.groups.length}`, last, 1));
    if (last.elements[2] !== isa.elements[13])
      fault(issue('IEA_CONTROL', `IEA02 ${last.elements[2]} does not match ISA13 ${isa.elements[13]}`, last, 2));
    interchanges.push(ic);
  }
  return { interchanges, warnings };
}

/** Every transaction set of a document, with its interchange (for separators) and group. */
export function* transactionsOf(
  doc: X12Document,
): Generator<{ interchange: Interchange; group: FunctionalGroup; transaction: Transaction }> {
  for (const interchange of doc.interchanges)
    for (const group of interchange.groups) for (const transaction of group.transactions) yield { interchange, group, transaction };
}

/** `YYYYMMDD` → `YYYY-MM-DD` (undefined stays undefined). */
export function isoDate(d: string | undefined): string | undefined {
  if (!d) return undefined;
  return /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
}

/** Element n of a segment, or undefined when empty or absent. */
export function el(seg: Segment | undefined, n: number): string | undefined {
  const v = seg?.elements[n];
  return v === undefined || v === '' ? undefined : v;
}
