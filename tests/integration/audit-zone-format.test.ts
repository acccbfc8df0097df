/**
 * The audit screens' clock (apps/web/src/features/admin/audit/zone-format.ts): times on the
 * clinic's zone, and From/To typed on that clock sent as the right instants, whatever the
 * zone of the machine running the browser (this process's is irrelevant to the answers).
 */
import { dateTimeIn, instantOfWall, timeIn } from '../../apps/web/src/features/admin/audit/zone-format.ts';
import { describe, expect, it } from 'vitest';

/** ICU may put a narrow no-break space before AM/PM. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('audit times on the clinic clock', () => {
  it('reads an instant on the zone given, not the local one', () => {
    expect(plain(dateTimeIn('2026-03-02T15:04:05Z', 'America/Denver'))).toBe('Mar 2, 2026, 8:04:05 AM');
    expect(plain(dateTimeIn('2026-03-02T15:04:05Z', 'America/New_York'))).toBe('Mar 2, 2026, 10:04:05 AM');
    expect(plain(timeIn('2026-07-02T15:04:05Z', 'America/Denver'))).toBe('9:04 AM');
  });

  it('turns a wall time of the zone into its instant, across DST', () => {
    expect(instantOfWall('2026-03-02T08:00', 'America/Denver')).toBe('2026-03-02T15:00:00.000Z');
    expect(instantOfWall('2026-07-02T08:00', 'America/Denver')).toBe('2026-07-02T14:00:00.000Z');
    expect(instantOfWall('2026-07-02T08:00', 'Asia/Kolkata')).toBe('2026-07-02T02:30:00.000Z');
    // 01:30 happens twice on 2026-11-01 in Denver: the first (MDT) is taken.
    expect(instantOfWall('2026-11-01T01:30', 'America/Denver')).toBe('2026-11-01T07:30:00.000Z');
    // 02:30 does not happen on 2026-03-08: an hour earlier on standard time.
    expect(instantOfWall('2026-03-08T02:30', 'America/Denver')).toBe('2026-03-08T08:30:00.000Z');
    expect(instantOfWall('2026-03-0', 'America/Denver')).toBeNull();
    expect(instantOfWall('', 'America/Denver')).toBeNull();
  });
});
