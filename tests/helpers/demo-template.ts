/**
 * The demo practice as a derived test template: seeded once per run for a given moment and
 * patient count, then cloned by every file that asks for the same one (the demo files each
 * used to seed their own, the costliest part of each).
 */
import type { DerivedTemplate } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { seedDemo } from '@domain/demo/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';

/** The demo practice seeded at `at` (an ISO instant) with `patients` synthetic patients. */
export function demoPractice(at: string, patients: number): DerivedTemplate<Database> {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new Error(`demoPractice: "${at}" is not an instant`);
  return {
    key: `demo_${instant.toISOString().replace(/\D/g, '').slice(0, 12)}_${patients}`,
    fill: async (db) => {
      const logins = await seedDemo(db, new FakeClock(instant.toISOString()), { patients });
      if (!logins) throw new Error('demoPractice: the template already held an organization');
    },
  };
}
