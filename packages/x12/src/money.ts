import { X12Error } from './errors.ts';

const AMOUNT = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads an X12 decimal amount ("-1.27", "150000", "34.", ".5") into integer cents, straight from the
 * digits (never through floating point). Refuses more than two decimals, empty strings and anything else.
 */
export function parseAmountToCents(s: string): number {
  const m = AMOUNT.exec(s);
  const whole = m?.[2] ?? '';
  const frac = m?.[3] ?? '';
  if (!m || (whole === '' && frac === '') || frac.length > 2)
    throw new X12Error({ code: 'BAD_AMOUNT', message: `"${s}" is not an amount with at most 2 decimals`, segmentNumber: 0, segmentId: '' });
  const cents = BigInt(whole || '0') * 100n + BigInt(frac.padEnd(2, '0'));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER))
    throw new X12Error({ code: 'BAD_AMOUNT', message: `"${s}" is too large`, segmentNumber: 0, segmentId: '' });
  const n = Number(cents);
  return m[1] === '-' && n !== 0 ? -n : n;
}

/** Writes integer cents the X12 way: decimals only when needed, no trailing zeros ("34", "34.5", "1.27", "-0.05"). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents))
    throw new X12Error({ code: 'BAD_AMOUNT', message: `${cents} is not a whole number of cents`, segmentNumber: 0, segmentId: '' });
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
