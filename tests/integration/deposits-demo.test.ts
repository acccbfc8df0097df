/** The demo practice's takings: the last days closed and deposited at every location, today open with its payments undeposited. */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Tuesday 2026-03-10, 17:00 in New York and 15:00 in Denver.
const clock = new FakeClock('2026-03-10T21:00:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-10T21:00:00Z', 40) });

describe('demo daily closes and deposits', () => {
  it('closes the four days before today at every location, deposits them, and leaves today open', async () => {
    const closes = await t.db.selectFrom('daily_closes').select(['location_id', 'close_date', 'variance_cents', 'payment_count']).execute();
    const locations = [...new Set(closes.map((c) => c.location_id))];
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      const days = closes.filter((c) => c.location_id === l).map((c) => c.close_date);
      expect(days.sort()).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    }
    expect(closes.some((c) => Number(c.variance_cents) === -100)).toBe(true);
    expect(closes.every((c) => c.payment_count > 0)).toBe(true);
    const deposits = await t.db.selectFrom('deposits').select(['location_id', 'total_cents']).execute();
    expect(new Set(deposits.map((d) => d.location_id))).toEqual(new Set(locations));
    const today = await t.db.selectFrom('payments').select('id').where('posting_date', '=', '2026-03-10').execute();
    const deposited = await t.db.selectFrom('deposit_items').select('payment_id').execute();
    expect(today.length).toBeGreaterThan(0);
    expect(deposited.map((d) => d.payment_id)).not.toEqual(expect.arrayContaining([today[0]?.id]));
  }, 300_000);
});
