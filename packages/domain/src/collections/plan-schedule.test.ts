import { describe, expect, it } from 'vitest';
import { addMonths, planInstallments } from './plan-schedule.ts';

describe('plan schedule', () => {
  it('adds up to the total in integer cents, the last installment what is left', () => {
    const s = planInstallments(10_000, 3_000, 'monthly', '2026-01-31');
    expect(s.map((i) => i.amountCents)).toEqual([3_000, 3_000, 3_000, 1_000]);
    expect(s.map((i) => i.dueOn)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('steps by two weeks or one week', () => {
    expect(planInstallments(300, 100, 'biweekly', '2026-12-25').map((i) => i.dueOn)).toEqual(['2026-12-25', '2027-01-08', '2027-01-22']);
    expect(planInstallments(200, 100, 'weekly', '2026-03-01').map((i) => i.dueOn)).toEqual(['2026-03-01', '2026-03-08']);
  });

  it('keeps month ends in leap years', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});
