/**
 * Demo credentials: each demo provider's state licence for every state the practice works in
 * (the first provider's expiring within 30 days, so the list and the alerts have work), their
 * DEA registrations and board certifications, malpractice cover, and BLS cards for the nurse
 * and the front desk (the front desk's already expired last month).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { locationsByIds } from '../organizations/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';

export const seedCredentialsDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const locations = await locationsByIds(demo.ctx, demo.locationIds);
  const today = localDateOf(clock.now().getTime(), locations[0]?.timeZone ?? 'America/New_York');
  const states = [...new Set(locations.map((l) => l.state).filter((s): s is string => s !== null))];
  const rows: {
    provider_id?: string;
    user_id?: string;
    kind: 'license' | 'dea' | 'board' | 'bls' | 'acls' | 'malpractice';
    number: string;
    state?: string | null;
    issuer?: string;
    expires_on: string;
  }[] = [];
  for (const [i, providerId] of demo.providerIds.entries()) {
    for (const [j, state] of states.entries()) {
      rows.push({
        provider_id: providerId,
        kind: 'license',
        number: `${state}-${240_117 + i * 31 + j}`,
        state,
        issuer: `${state} Board of Registration in Medicine`,
        expires_on: addDays(today, i === 0 && j === 0 ? 24 : 410 + i * 60 + j * 30),
      });
    }
    rows.push({
      provider_id: providerId,
      kind: 'dea',
      number: `BJ${6_125_340 + i}`,
      state: states[0] ?? null,
      expires_on: addDays(today, 520 + i * 45),
    });
    rows.push({
      provider_id: providerId,
      kind: 'board',
      number: `ABFM-${1_043_200 + i}`,
      issuer: 'American Board of Family Medicine',
      expires_on: addDays(today, 1_400 + i * 90),
    });
    rows.push({
      provider_id: providerId,
      kind: 'malpractice',
      number: `MP-${77_810 + i}`,
      issuer: 'Coverys',
      expires_on: addDays(today, 75 + i * 120),
    });
  }
  rows.push({
    user_id: demo.userIds.nurse,
    kind: 'bls',
    number: 'BLS-5510-2207',
    issuer: 'American Heart Association',
    expires_on: addDays(today, 200),
  });
  rows.push({
    user_id: demo.userIds.nurse,
    kind: 'acls',
    number: 'ACLS-8841-0193',
    issuer: 'American Heart Association',
    expires_on: addDays(today, 52),
  });
  rows.push({
    user_id: demo.userIds.front_desk,
    kind: 'bls',
    number: 'BLS-3302-7781',
    issuer: 'American Heart Association',
    expires_on: addDays(today, -20),
  });
  const now = clock.now();
  await db
    .insertInto('credentials')
    .values(
      rows.map((r) => ({
        organization_id: demo.organizationId,
        provider_id: r.provider_id ?? null,
        user_id: r.user_id ?? null,
        kind: r.kind,
        number: r.number,
        state: r.state ?? null,
        issuer: r.issuer ?? '',
        expires_on: r.expires_on,
        created_by: demo.userIds.office_manager,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
};
