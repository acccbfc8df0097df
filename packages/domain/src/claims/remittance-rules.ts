/**
 * Pure rules of remittance posting: which claim line an 835 service line pays, and the state a
 * claim reaches from what was posted to it. No database.
 */
import type { RemittanceClaim835, RemittanceLine835 } from '@x12/index.ts';
import type { ClaimStatus } from './claim-states.ts';

/** CLP02 22: the payer reverses an earlier payment (its amounts are the negatives of the original's). */
export const REVERSAL = '22';
/** CLP02 4: denied. */
export const DENIED = '4';

export interface BilledLine {
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
}

const sameModifiers = (a: string[], b: string[]) => a.length === b.length && a.every((m) => b.includes(m));

/**
 * The claim line each SVC pays (null: none): REF*6R when it names one of our line numbers, else the
 * first unused line with the same procedure code and modifiers, else the same procedure code.
 */
export function matchLines(billed: BilledLine[], paid: RemittanceLine835[]): (number | null)[] {
  const used = new Set<number>();
  return paid.map((l) => {
    const byRef = l.lineItemControlNumber && /^\d{1,2}$/.test(l.lineItemControlNumber) ? Number(l.lineItemControlNumber) : null;
    const pick =
      billed.find((b) => b.lineNumber === byRef && !used.has(b.lineNumber)) ??
      billed.find((b) => !used.has(b.lineNumber) && b.procedureCode === l.procedureCode && sameModifiers(b.modifiers, l.modifiers)) ??
      billed.find((b) => !used.has(b.lineNumber) && b.procedureCode === l.procedureCode);
    if (!pick) return null;
    used.add(pick.lineNumber);
    return pick.lineNumber;
  });
}

/** A line is denied when nothing is paid and something other than the patient's share explains it. */
const deniedLine = (paidCents: number, groups: string[]) => paidCents === 0 && groups.some((g) => g !== 'PR');

/**
 * The state a claim's latest (non-reversal) adjudication means: `denied` when CLP02 is 4 or every line
 * is denied; `paid` when every line was paid or only the patient's share (PR) is left; otherwise
 * `partially_paid`. A reversal alone answers null (the state waits for the correction).
 */
export function adjudicatedStatus(c: Pick<RemittanceClaim835, 'statusCode' | 'paidCents' | 'adjustments' | 'lines'>): ClaimStatus | null {
  if (c.statusCode === REVERSAL) return null;
  if (c.statusCode === DENIED) return 'denied';
  if (c.lines.length === 0)
    return deniedLine(
      c.paidCents,
      c.adjustments.map((a) => a.group),
    )
      ? 'denied'
      : 'paid';
  const denied = c.lines.filter((l) =>
    deniedLine(
      l.paidCents,
      l.adjustments.map((a) => a.group),
    ),
  ).length;
  if (denied === 0) return 'paid';
  return denied === c.lines.length && c.paidCents <= 0 ? 'denied' : 'partially_paid';
}
