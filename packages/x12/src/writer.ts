import { X12Error } from './errors.ts';
import type { Separators } from './reader.ts';

/** Default delimiters: `*` elements, `:` components, `^` repetitions, `~` segments. */
export const DEFAULT_SEPARATORS: Separators = { element: '*', component: ':', repetition: '^', segment: '~' };

/** A segment to write: identifier then elements; a nested array is a composite. Trailing empties are dropped. */
export type SegmentSpec = [string, ...(string | undefined | (string | undefined)[])[]];

/** Envelope settings shared by every builder. Control numbers come from the caller (the database hands them out). */
export interface EnvelopeOptions {
  controlNumbers: { interchange: number; group: number; transactions: number[] };
  separators?: Partial<Separators>;
  usageIndicator: 'T' | 'P';
  /** Creation date `YYYY-MM-DD` and time `HHMM` written in ISA/GS/BHT. */
  date: string;
  time: string;
}

export interface EnvelopeParties {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** GS01 functional identifier code: HC (837), HS (270). */
  functionalCode: string;
  /** GS08 / ST03 implementation guide version, e.g. 005010X222A1. */
  version: string;
  /** ST01, e.g. 837. */
  transactionType: string;
}

function fail(message: string): never {
  throw new X12Error({ code: 'BUILD', message, segmentNumber: 0, segmentId: '' });
}

export function resolveSeparators(custom?: Partial<Separators>): Separators {
  const s = { ...DEFAULT_SEPARATORS, ...custom };
  const all = [s.element, s.component, s.repetition, s.segment];
  if (all.some((c) => c.length !== 1) || new Set(all).size !== 4) fail('the four delimiters must be distinct single characters');
  return s;
}

/** Checks that a value does not contain a delimiter (X12 has no escaping). */
function clean(value: string, s: Separators): string {
  if (value.includes(s.element) || value.includes(s.component) || value.includes(s.repetition) || value.includes(s.segment))
    for (const c of [s.element, s.component, s.repetition, s.segment])
      if (value.includes(c)) fail(`value "${value}" contains the delimiter "${c}"`);
  return value;
}

/** A composite's components joined, trailing empty components dropped ('' when all are empty). */
function composite(parts: (string | undefined)[], s: Separators): string {
  let n = parts.length;
  while (n > 0 && !parts[n - 1]) n--;
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += s.component;
    const c = parts[i];
    if (c) out += clean(c, s);
  }
  return out;
}

/**
 * One segment's text: identifier, elements (a nested array is a composite), trailing empty
 * elements dropped, then the segment terminator. Built by concatenation without intermediate
 * arrays: a 10,000-claim 837P writes some 220,000 segments.
 */
export function serializeSegment(spec: SegmentSpec, s: Separators): string {
  let out = spec[0];
  let empties = '';
  for (let i = 1; i < spec.length; i++) {
    const e = spec[i];
    const text = Array.isArray(e) ? composite(e, s) : e ? clean(e, s) : '';
    if (text === '') {
      empties += s.element;
      continue;
    }
    out += empties + s.element + text;
    empties = '';
  }
  return out + s.segment;
}

/** Transaction bodies already written as text: the segments between ST and SE, and how many. */
export interface WrittenBody {
  text: string;
  segmentCount: number;
}

/** Writes a transaction body's segments as text (see `envelopeWritten`). */
export function writeBody(body: SegmentSpec[], s: Separators): WrittenBody {
  let text = '';
  for (const seg of body) text += serializeSegment(seg, s);
  return { text, segmentCount: body.length };
}

const pad = (v: string, n: number) => {
  if (v.length > n) fail(`"${v}" is longer than ${n} characters`);
  return v.padEnd(n, ' ');
};
const zero = (v: number, n: number) => {
  if (!Number.isSafeInteger(v) || v < 1 || String(v).length > n)
    fail(`control number ${v} must be a positive integer of at most ${n} digits`);
  return String(v).padStart(n, '0');
};

/** `YYYY-MM-DD` → `YYYYMMDD`. */
export function x12Date(d: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(`date "${d}" is not YYYY-MM-DD`);
  return d.replaceAll('-', '');
}

/**
 * Wraps transaction bodies (segments between ST and SE) in ST/SE, GS/GE and a fixed-width ISA/IEA,
 * counting SE01, GE01 and IEA01.
 */
export function envelope(bodies: SegmentSpec[][], parties: EnvelopeParties, o: EnvelopeOptions): string {
  const s = resolveSeparators(o.separators);
  return envelopeWritten(
    bodies.map((b) => writeBody(b, s)),
    parties,
    o,
  );
}

/**
 * `envelope` for bodies a builder wrote as it went (a large 837P keeps text, not segment
 * arrays, for its 220,000 segments). The bodies must be written with `o.separators`.
 */
export function envelopeWritten(bodies: WrittenBody[], parties: EnvelopeParties, o: EnvelopeOptions): string {
  const s = resolveSeparators(o.separators);
  if (o.controlNumbers.transactions.length < bodies.length)
    fail(`${bodies.length} transaction control numbers needed, ${o.controlNumbers.transactions.length} given`);
  if (!/^\d{4}$/.test(o.time)) fail(`time "${o.time}" is not HHMM`);
  const date = x12Date(o.date);
  const isa13 = zero(o.controlNumbers.interchange, 9);
  const isa =
    [
      'ISA',
      '00',
      pad('', 10),
      '00',
      pad('', 10),
      pad(parties.senderQualifier, 2),
      pad(parties.senderId, 15),
      pad(parties.receiverQualifier, 2),
      pad(parties.receiverId, 15),
      date.slice(2),
      o.time,
      s.repetition,
      '00501',
      isa13,
      '0',
      o.usageIndicator,
      s.component,
    ].join(s.element) + s.segment;
  if (isa.length !== 106) fail('ISA is not 106 characters');
  const out = [isa];
  const gs06 = String(o.controlNumbers.group);
  zero(o.controlNumbers.group, 9);
  out.push(
    serializeSegment(['GS', parties.functionalCode, parties.senderId, parties.receiverId, date, o.time, gs06, 'X', parties.version], s),
  );
  bodies.forEach((body, i) => {
    const st02 = zero(o.controlNumbers.transactions[i] as number, 9).replace(/^0+(?=\d{4})/, '');
    out.push(serializeSegment(['ST', parties.transactionType, st02, parties.version], s));
    out.push(body.text);
    out.push(serializeSegment(['SE', String(body.segmentCount + 2), st02], s));
  });
  out.push(serializeSegment(['GE', String(bodies.length), gs06], s));
  out.push(serializeSegment(['IEA', '1', isa13], s));
  return out.join('');
}
