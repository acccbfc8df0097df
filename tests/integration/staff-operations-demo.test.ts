/**
 * The demo practice's staff operations: a licence expiring within 30 days, an overdue training,
 * an out-of-service fault in a room that already has visits booked (the fault lists them), and
 * the dashboard summaries the manager's home page reads.
 */
import { credentialsDueSummary } from '@domain/credentials/index.ts';
import { equipmentOutOfService } from '@domain/equipment/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { trainingDueSummary } from '@domain/training/index.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 05:30 in New York.
const clock = new FakeClock('2026-03-04T10:30:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T10:30:00Z', 60) });

describe('demo staff operations', () => {
  it('seeds a licence expiring within 30 days, overdue training and an out-of-service room with visits booked', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'office.manager@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const expiring = (await get('/api/credentials?expiringWithinDays=30')).json().items as { kind: string; status: string }[];
    expect(expiring.some((c) => c.kind === 'license' && c.status === 'expiring')).toBe(true);

    const overdue = (await get('/api/training/overdue')).json();
    expect(overdue.total).toBeGreaterThan(0);

    const faults = (await get('/api/equipment-faults?outOfService=true')).json().items as { id: string; roomId: string | null }[];
    expect(faults.length).toBe(1);
    const detail = (await get(`/api/equipment-faults/${faults[0]?.id}`)).json();
    expect(detail.affectedAppointments.length).toBeGreaterThan(0);

    const ctx = systemCtx(t.db, clock, org.id, 'tests', 'demo-test');
    expect(await credentialsDueSummary(ctx, { withinDays: 30 })).toMatchObject({ due: expect.any(Number), withinDays: 30 });
    expect((await credentialsDueSummary(ctx, { withinDays: 30 })).due).toBeGreaterThan(0);
    expect((await trainingDueSummary(ctx)).overdue).toBe(overdue.total);
    const out = await equipmentOutOfService(ctx);
    expect(out).toEqual([expect.objectContaining({ faultId: faults[0]?.id, affectedAppointments: detail.affectedAppointments.length })]);
  });
});
