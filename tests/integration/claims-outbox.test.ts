/** A batch whose file cannot be written to the outbox is still submitted: the failure shows on the batch, the download works. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInTenantScope } from '@db/index.ts';
import { claimBatchX12 } from '@domain/claims/index.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { billingPractice, readyClaim } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

// The outbox "folder" is a file: every write fails.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-claims-outbox-'));
const blocker = path.join(dir, 'not-a-folder');
fs.writeFileSync(blocker, 'x');
process.env.CLAIMS_OUTBOX_DIR = blocker;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const t = await createTestApp();

describe('claim batch outbox', () => {
  it('keeps the batch submitted and says why the file is missing', async () => {
    const p = await billingPractice(t);
    const claim = await readyClaim(t, p);
    const res = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outboxPath: null, outboxError: expect.stringContaining('could not write') });
    const listed = (await t.as(p.org, 'biller').get('/api/claim-batches')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: res.json().id, outboxError: expect.stringContaining('could not write') })]);
    const file = await t.as(p.org, 'biller').get(`/api/claim-batches/${res.json().id}/837`);
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('ISA')).toBe(true);
    expect((await t.as(p.org, 'biller').get(`/api/claims/${claim.id}`)).json().status).toBe('submitted');
    // What `clinicdesk claims export-837` runs, as its system purpose: the same bytes, audited.
    const ctx = systemCtx(t.db, t.clock, p.org.id, 'cli:claims', 'claims-export-test');
    const exported = await runInTenantScope(() => claimBatchX12(ctx, res.json().id), p.org.id);
    expect(exported.x12).toBe(file.body);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'claim_batch')
      .where('action', '=', 'read')
      .execute();
    expect(audit).toEqual([{ patient_id: claim.patientId }, { patient_id: claim.patientId }]);
  });
});
