/**
 * Co-signature: a provider whose settings name a supervising provider signs; the note is
 * locked but waits (cosignRequired, no encounter.signed yet) until that supervisor co-signs
 * with their own password. Nobody else co-signs, and only once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicianOf, procedureList, TEST_PASSWORD, visitInState } from '../helpers/encounter-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient, newProvider } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
let org: TestOrg;
let supervisor: { providerId: string; userId: string; token: string };
beforeAll(async () => {
  org = await t.newOrg();
  await procedureList(t.db, org);
  const providerId = await newProvider(t.db, org);
  supervisor = { providerId, ...(await clinicianOf(t.db, t.clock, org, providerId)) };
});

const asSupervisor = (method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${supervisor.token}` }, ...(payload && { payload }) });

describe('co-signature', () => {
  it("is set on the provider (PATCH with If-Match), and a supervised provider's signed note waits for the supervisor", async () => {
    const providers = await t.as(org, 'office_manager').get('/api/providers');
    const mine = providers.json().items.find((p: { id: string }) => p.id === org.providerId);
    expect(mine).toMatchObject({ supervisingProviderId: null });
    const self = await t
      .as(org, 'office_manager')
      .patch(`/api/providers/${org.providerId}`, { supervisingProviderId: org.providerId }, { 'if-match': `"${mine.version}"` });
    expect(self.statusCode).toBe(400);
    expect(
      (
        await t
          .as(org, 'nurse')
          .patch(`/api/providers/${org.providerId}`, { supervisingProviderId: supervisor.providerId }, { 'if-match': `"${mine.version}"` })
      ).statusCode,
    ).toBe(403);
    const set = await t
      .as(org, 'office_manager')
      .patch(`/api/providers/${org.providerId}`, { supervisingProviderId: supervisor.providerId }, { 'if-match': `"${mine.version}"` });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ supervisingProviderId: supervisor.providerId, version: mine.version + 1 });
    // No loops: the supervisor cannot be supervised by the provider they supervise.
    const loop = await t.as(org, 'office_manager').get('/api/providers');
    const sup = loop.json().items.find((p: { id: string }) => p.id === supervisor.providerId);
    const cycle = await t
      .as(org, 'office_manager')
      .patch(`/api/providers/${supervisor.providerId}`, { supervisingProviderId: org.providerId }, { 'if-match': `"${sup.version}"` });
    expect(cycle.statusCode).toBe(400);

    const patientId = await newPatient(t.db, org);
    const visit = await visitInState(t.db, org, patientId, { status: 'with_provider' });
    const created = await t.as(org, 'clinician').post('/api/encounters', {
      patientId,
      providerId: org.providerId,
      locationId: org.locationId,
      appointmentId: visit.id,
    });
    const id = created.json().id as string;
    const coded = await t.as(org, 'clinician').patch(
      `/api/encounters/${id}`,
      {
        note: { assessment: 'Streptococcal pharyngitis.' },
        diagnoses: [{ code: 'J02.0' }],
        procedures: [{ code: '99213', diagnosisPointers: [1] }],
        followUp: { inDays: 14 },
      },
      { 'if-match': `"${created.json().version}"` },
    );
    expect(coded.statusCode, coded.body).toBe(200);

    // The supervisor cannot sign for the rendering provider.
    expect((await asSupervisor('POST', `/api/encounters/${id}/sign`, { password: TEST_PASSWORD })).statusCode).toBe(403);
    // Nor co-sign before the provider has signed.
    expect((await asSupervisor('POST', `/api/encounters/${id}/cosign`, { password: TEST_PASSWORD })).statusCode).toBe(409);

    const signed = await t.as(org, 'clinician').post(`/api/encounters/${id}/sign`, { password: TEST_PASSWORD });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', cosignRequired: true, cosignedAt: null, complete: false });
    const waiting = await t.as(org, 'nurse').get(`/api/encounters/${id}`);
    expect(waiting.json()).toMatchObject({
      status: 'signed',
      cosignRequired: true,
      supervisingProviderId: supervisor.providerId,
      cosignedAt: null,
    });
    // Not complete: nothing reached the follow-up worklist yet.
    expect(await t.db.selectFrom('follow_ups').select('id').where('encounter_id', '=', id).execute()).toEqual([]);
    const pending = await asSupervisor('GET', `/api/encounters?status=awaiting_cosignature`);
    expect(pending.json().items.map((e: { id: string }) => e.id)).toContain(id);
    // Locked already: no edit while waiting.
    expect(
      (
        await t.as(org, 'clinician').patch(`/api/encounters/${id}`, { note: { plan: 'x' } }, { 'if-match': `"${signed.json().version}"` })
      ).json().code,
    ).toBe('NOTE_SIGNED');

    // Only the named supervisor co-signs: not the rendering provider, not another clinician, not a wrong password.
    expect((await t.as(org, 'clinician').post(`/api/encounters/${id}/cosign`, { password: TEST_PASSWORD })).statusCode).toBe(403);
    const stranger = await clinicianOf(t.db, t.clock, org, await newProvider(t.db, org));
    const byStranger = await t.app.inject({
      method: 'POST',
      url: `/api/encounters/${id}/cosign`,
      headers: { authorization: `Bearer ${stranger.token}` },
      payload: { password: TEST_PASSWORD },
    });
    expect(byStranger.statusCode).toBe(403);
    expect((await asSupervisor('POST', `/api/encounters/${id}/cosign`, { password: 'wrong password here' })).statusCode).toBe(401);

    const cosigned = await asSupervisor('POST', `/api/encounters/${id}/cosign`, { password: TEST_PASSWORD });
    expect(cosigned.statusCode, cosigned.body).toBe(200);
    expect(cosigned.json()).toMatchObject({ signedBy: org.users.clinician.id, cosignedBy: supervisor.userId, complete: true });
    const followUps = await t.db.selectFrom('follow_ups').select('id').where('encounter_id', '=', id).execute();
    expect(followUps).toHaveLength(1);
    expect((await asSupervisor('POST', `/api/encounters/${id}/cosign`, { password: TEST_PASSWORD })).statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'details'])
      .where('resource_id', '=', id)
      .where('action', '=', 'sign')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { user_id: org.users.clinician.id, details: { cosignRequired: true, method: 'password' } },
      { user_id: supervisor.userId, details: { cosign: true, method: 'password' } },
    ]);
  });
});
