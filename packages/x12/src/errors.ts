/** One finding about an X12 file: where it is and what is wrong. */
export interface X12Issue {
  /** Stable machine code, e.g. `NO_ISA`, `SE_COUNT`, `REQUIRED_SEGMENT`. */
  code: string;
  message: string;
  /** 1-based position of the segment in the file (0 when the file has no segments to point at). */
  segmentNumber: number;
  /** The segment's identifier as written (may be wrong or empty when the identifier is the fault). */
  segmentId: string;
  /** Loop the segment was read in, e.g. `2010AA`. */
  loop?: string;
  /** 1-based element position, when one element is at fault. */
  element?: number;
}

/** Thrown by every reader and builder in this package. Carries the first issue's fields plus all issues. */
export class X12Error extends Error implements X12Issue {
  readonly code: string;
  readonly segmentNumber: number;
  readonly segmentId: string;
  readonly loop?: string;
  readonly element?: number;
  readonly issues: X12Issue[];

  constructor(issue: X12Issue | X12Issue[]) {
    const list = Array.isArray(issue) ? issue : [issue];
    const first = list[0] ?? { code: 'UNKNOWN', message: 'unknown X12 error', segmentNumber: 0, segmentId: '' };
    super(list.length > 1 ? `${first.message} (and ${list.length - 1} more)` : first.message);
    this.name = 'X12Error';
    this.code = first.code;
    this.segmentNumber = first.segmentNumber;
    this.segmentId = first.segmentId;
    if (first.loop !== undefined) this.loop = first.loop;
    if (first.element !== undefined) this.element = first.element;
    this.issues = list;
  }
}

/** Options every reader takes. */
export interface ReadOptions {
  /**
   * Lenient mode: envelope count/control-number mismatches (SE01, SE02, GE, IEA) become warnings, and
   * composite elements written with `>` while ISA16 declares another separator are split on `>`.
   */
  lenient?: boolean;
  /**
   * Report envelope count/control-number mismatches as warnings even in strict mode, so that a reader can
   * report the structural faults of a transaction first and throw for the envelope afterwards.
   */
  deferEnvelopeFaults?: boolean;
}

/** Codes of the envelope checks (SE, GE, IEA counts and control numbers). */
export const ENVELOPE_FAULTS = new Set(['SE_COUNT', 'SE_CONTROL', 'GE_COUNT', 'GE_CONTROL', 'IEA_COUNT', 'IEA_CONTROL']);
