/**
 * The system actor holds its purpose's permissions only (SYSTEM_PURPOSES, access/permissions.ts):
 * use cases refuse it anything else, note:sign included. That each purpose holds what its code
 * path needs is shown by the suites that run those paths: the no-show job (scheduling-flow), the
 * waitlist jobs and links (waitlist, comms-links), the calendar feed (schedule-exports), demo
 * seeding (ops-demo, scheduling-demo), CLI import and user create/unlock (patients-merge-import,
 * ops-cli), the administrator of start-up (ops-serve).
 */
import { randomUUID } from 'node:crypto';
import { can } from '@domain/access/index.ts';
import { createUser } from '@domain/identity/index.ts';
import { importPatientBatch } from '@domain/patients/index.ts';
import { cancelAppointment } from '@domain/scheduling/index.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('the system actor', () => {
  it('is refused what its purpose does not hold, and writes nothing', async () => {
    const org = await t.newOrg();
    const importer = systemCtx(t.db, t.clock, org.id, 'cli:import-patients', 'test-import');
    const email = `refused.${org.id.slice(0, 8)}@test.clinicdesk.dev`;
    await expect(
      createUser(importer, { email, displayName: 'Refused', roles: [{ role: 'admin', locationId: null }] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();

    const userCreator = systemCtx(t.db, t.clock, org.id, 'cli:user-create', 'test-user-create');
    const rows = [{ line: 2, fields: { externalId: 'X-1', givenName: 'Ada', familyName: 'Refused', birthDate: '1980-01-01' } }];
    await expect(importPatientBatch(userCreator, rows)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The calendar feed reads the schedule; it may not cancel a visit (refused before any look-up).
    const feed = systemCtx(t.db, t.clock, org.id, 'ical-feed', 'test-feed');
    await expect(cancelAppointment(feed, randomUUID(), { reason: 'clinic' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never holds note:sign, whatever its purpose, the tests’ own included', async () => {
    const org = await t.newOrg();
    expect(can(org.ctx, 'note:sign')).toBe(false);
    expect(can(org.ctx, 'note:write')).toBe(false);
    for (const purpose of ['job:no-show', 'patient-link', 'demo-seed', 'ensure-admin', 'cli:user-create'] as const) {
      expect(can(systemCtx(t.db, t.clock, org.id, purpose, 'test'), 'note:sign')).toBe(false);
    }
  });

  it('is named by its purpose in the audit trail', async () => {
    const org = await t.newOrg();
    const creator = systemCtx(t.db, t.clock, org.id, 'cli:user-create', 'test-user-create');
    const { id } = await createUser(creator, {
      email: `created.${org.id.slice(0, 8)}@test.clinicdesk.dev`,
      displayName: 'Created',
      roles: [{ role: 'front_desk', locationId: null }],
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['role', 'user_id'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', id)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const row of audit) expect(row).toMatchObject({ role: 'system:cli:user-create', user_id: null });
  });
});
