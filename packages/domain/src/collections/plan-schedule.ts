import type { PlanFrequency } from './collections.tables.ts';

/** The day `months` calendar months after `date`, kept at the month's last day when shorter (Jan 31 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The installments of a plan: `installmentCents` each from `firstDueOn`, every month, two weeks
 * or week, the last one what is left (integer cents; they add up to the total exactly).
 */
export function planInstallments(
  totalCents: number,
  installmentCents: number,
  frequency: PlanFrequency,
  firstDueOn: string,
): { seq: number; dueOn: string; amountCents: number }[] {
  const out: { seq: number; dueOn: string; amountCents: number }[] = [];
  let left = totalCents;
  for (let i = 0; left > 0; i++) {
    const amount = Math.min(installmentCents, left);
    const dueOn = frequency === 'monthly' ? addMonths(firstDueOn, i) : addDays(firstDueOn, i * (frequency === 'biweekly' ? 14 : 7));
    out.push({ seq: i + 1, dueOn, amountCents: amount });
    left -= amount;
  }
  return out;
}
