/**
 * Who may see and work claims: front desk and clinicians 403; another practice's REAL claim and
 * batch 404 everywhere; a restricted patient's claim 404 (and left out of lists) outside the care
 * team; reads audited with the patient.
 */
import { describe, expect, it } from 'vitest';
import { billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox(); // before the app is built: it reads CLAIMS_OUTBOX_DIR
const t = await createTestApp();

describe('claims access', () => {
  it('refuses front desk and clinicians (403)', async () => {
    const p = await billingPractice(t);
    const claim = await readyClaim(t, p);
    for (const role of ['front_desk', 'clinician'] as const) {
      expect((await t.as(p.org, role).get('/api/claims')).statusCode).toBe(403);
      expect((await t.as(p.org, role).get(`/api/claims/${claim.id}`)).statusCode).toBe(403);
      expect((await t.as(p.org, role).post('/api/claims', { encounterId: claim.encounterId })).statusCode).toBe(403);
      expect((await t.as(p.org, role).post(`/api/claims/${claim.id}/scrub`)).statusCode).toBe(403);
      expect((await t.as(p.org, role).post('/api/claim-batches', { claimIds: [claim.id] })).statusCode).toBe(403);
    }
    for (const role of ['biller', 'office_manager', 'admin'] as const)
      expect((await t.as(p.org, role).get(`/api/claims/${claim.id}`)).statusCode).toBe(200);
  });

  it("answers 404 for another practice's real claim and batch, and changes nothing", async () => {
    const mine = await billingPractice(t);
    const theirs = await billingPractice(t);
    const foreign = await readyClaim(t, theirs);
    const batch = await t.as(theirs.org, 'biller').post('/api/claim-batches', { claimIds: [foreign.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const foreignDraft = await readyClaim(t, theirs);
    const as = t.as(mine.org, 'biller');
    expect((await as.get(`/api/claims/${foreign.id}`)).statusCode).toBe(404);
    expect((await as.post(`/api/claims/${foreignDraft.id}/scrub`)).statusCode).toBe(404);
    expect((await as.post(`/api/claims/${foreignDraft.id}/overrides`, { rule: 'DUPLICATE_CLAIM', reason: 'x' })).statusCode).toBe(404);
    expect((await as.post('/api/claims', { encounterId: foreignDraft.encounterId })).statusCode).toBe(404);
    expect((await as.post('/api/claim-batches', { claimIds: [foreignDraft.id] })).statusCode).toBe(404);
    expect((await as.get(`/api/claim-batches/${batch.json().id}/837`)).statusCode).toBe(404);
    expect((await as.get('/api/claims')).json().items).toEqual([]);
    const still = await t.db.selectFrom('claims').select('status').where('id', '=', foreignDraft.id).executeTakeFirstOrThrow();
    expect(still.status).toBe('ready');
  });

  it("hides a restricted patient's claim outside the care team, shows it to the team, and audits the read with the patient", async () => {
    const p = await billingPractice(t);
    const claim = await readyClaim(t, p);
    await t.db.updateTable('patients').set({ restricted: true }).where('id', '=', claim.patientId).execute();
    const biller = t.as(p.org, 'biller');
    expect((await biller.get(`/api/claims/${claim.id}`)).statusCode).toBe(404);
    expect((await biller.post(`/api/claims/${claim.id}/scrub`)).statusCode).toBe(404);
    expect((await biller.post('/api/claim-batches', { claimIds: [claim.id] })).statusCode).toBe(404);
    expect((await biller.get('/api/claims')).json().items).toEqual([]);
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: p.org.id, patient_id: claim.patientId, user_id: p.org.users.biller.id })
      .execute();
    const opened = await biller.get(`/api/claims/${claim.id}`);
    expect(opened.statusCode).toBe(200);
    expect((await biller.get('/api/claims')).json().items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
    const reads = await t.db
      .selectFrom('audit_events')
      .select(['patient_id', 'user_id'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim')
      .where('action', '=', 'read')
      .execute();
    expect(reads).toEqual([{ patient_id: claim.patientId, user_id: p.org.users.biller.id }]);
  });
});
