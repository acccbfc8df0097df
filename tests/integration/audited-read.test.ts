import { sealAudit, verifyAudit } from '@domain/audit/index.ts';
import { describe, expect, it } from 'vitest';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function auditRows(patientId: string) {
  return t.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'user_id', 'request_id', 'patient_id', 'break_glass'])
    .where('patient_id', '=', patientId)
    .where('resource_type', '=', 'patient')
    .orderBy('seq')
    .execute();
}

describe('reading a patient writes exactly one audit row in the same statement or transaction', () => {
  it('audits an open record once, with the reader and the request id', async () => {
    const org = await t.newOrg();
    const id = await newPatient(t.db, org);
    const res = await t.as(org, 'front_desk').get(`/api/patients/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(id);
    const rows = await auditRows(id);
    expect(rows).toEqual([
      {
        action: 'read',
        outcome: 'success',
        user_id: org.users.front_desk.id,
        request_id: res.headers['x-request-id'],
        patient_id: id,
        break_glass: false,
      },
    ]);
  });

  it('writes no success row for a missing or foreign record, and takes the general path for a restricted one', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const foreign = await newPatient(t.db, b);
    expect((await t.as(a, 'front_desk').get(`/api/patients/${foreign}`)).statusCode).toBe(404);
    expect(await auditRows(foreign)).toEqual([]);

    const restricted = await newPatient(t.db, a, { restricted: true });
    expect((await t.as(a, 'front_desk').get(`/api/patients/${restricted}`)).statusCode).toBe(404);
    expect((await auditRows(restricted)).map((r) => r.outcome)).toEqual(['denied']);
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: a.id, patient_id: restricted, user_id: a.users.front_desk.id })
      .execute();
    expect((await t.as(a, 'front_desk').get(`/api/patients/${restricted}`)).statusCode).toBe(200);
    expect((await auditRows(restricted)).map((r) => r.outcome)).toEqual(['denied', 'success']);
  });

  it('keeps the hash chain whole under concurrent reads', async () => {
    const org = await t.newOrg();
    const id = await newPatient(t.db, org);
    const reads = await Promise.all(Array.from({ length: 40 }, () => t.as(org, 'nurse').get(`/api/patients/${id}`)));
    expect(reads.every((r) => r.statusCode === 200)).toBe(true);
    expect(await auditRows(id)).toHaveLength(40);
    await sealAudit(t.db);
    const verdict = await verifyAudit(t.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.firstBadSeq).toBeNull();
  });
});
