import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { pdfkitPdf } from '../helpers/upload-files.ts';

// Documents go to this file's own data directory (the app reads DATA_DIR when no storage is injected).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-docs-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const { createTestApp } = await import('../helpers/test-app.ts');
const t = await createTestApp();

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
// A real one-page PDF (uploads are parsed, so a hand-made stub with no pages is refused).
const PDF = await pdfkitPdf('Referral');

async function patient(org: TestOrg, given = 'Ada') {
  const res = await t.as(org, 'front_desk').post('/api/patients', { givenName: given, familyName: 'Lovelace', birthDate: '1985-12-10' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function payer(org: TestOrg, name = 'Aetna') {
  const res = await t.as(org, 'biller').post('/api/payers', { name, ediPayerId: '60054', timelyFilingDays: 90, phone: '800-872-7100' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

function upload(org: TestOrg, patientId: string, bytes: Buffer, query: string, role: 'front_desk' | 'biller' = 'front_desk') {
  return t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/documents?${query}`,
    headers: { authorization: `Bearer ${org.users[role].token}`, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

describe('payers', () => {
  it('lets a biller add payers and anyone with patient:read list them; front desk may not add', async () => {
    const org = await t.newOrg();
    const p = await payer(org);
    expect((await t.as(org, 'front_desk').get('/api/payers')).json().items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await t.as(org, 'front_desk').post('/api/payers', { name: 'Cigna' })).statusCode).toBe(403);
    expect((await t.as(org, 'biller').post('/api/payers', { name: 'Aetna' })).statusCode).toBe(409);
    const bad = await t.as(org, 'biller').post('/api/payers', { name: 'X', ediPayerId: 'no spaces!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('ediPayerId');
    const other = await t.newOrg();
    expect((await t.as(other, 'biller').get('/api/payers')).json().items).toEqual([]);
  });
});

describe('coverages', () => {
  it('adds coverage with subscriber, X12 relationship and copays, and keeps one active coverage per priority on any day (database constraint)', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const aetna = await payer(org);
    const fd = t.as(org, 'front_desk');
    const primary = await fd.post(`/api/patients/${pt.id}/coverages`, {
      payerId: aetna.id,
      planName: 'PPO Gold',
      memberId: 'W123456789',
      groupNumber: 'G42',
      priority: 'primary',
      effectiveDate: '2026-01-01',
      terminationDate: '2026-12-31',
      copays: { office: 2500, specialist: 5000 },
    });
    expect(primary.statusCode, primary.body).toBe(201);
    expect(primary.json()).toMatchObject({
      relationship: '18',
      subscriber: { kind: 'self' },
      copays: { office: 2500 },
      payerName: 'Aetna',
    });

    const overlap = await fd.post(`/api/patients/${pt.id}/coverages`, {
      payerId: aetna.id,
      memberId: 'X1',
      priority: 'primary',
      effectiveDate: '2026-06-01',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().errors[0].path).toBe('priority');
    const after = await fd.post(`/api/patients/${pt.id}/coverages`, {
      payerId: aetna.id,
      memberId: 'X1',
      priority: 'primary',
      effectiveDate: '2027-01-01',
    });
    expect(after.statusCode).toBe(201);
    const spouse = await fd.post(`/api/patients/${pt.id}/coverages`, {
      payerId: aetna.id,
      memberId: 'S9',
      priority: 'secondary',
      effectiveDate: '2026-01-01',
      relationship: '01',
      subscriber: { kind: 'person', givenName: 'Bob', familyName: 'Lovelace', birthDate: '1983-01-01', sex: 'male' },
    });
    expect(spouse.statusCode, spouse.body).toBe(201);
    const mismatch = await fd.post(`/api/patients/${pt.id}/coverages`, {
      payerId: aetna.id,
      memberId: 'Z',
      priority: 'tertiary',
      effectiveDate: '2026-01-01',
      relationship: '19',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].path).toBe('relationship');

    // The database itself refuses an overlapping active coverage, whatever the code path.
    await expect(
      t.db
        .insertInto('coverages')
        .values({
          organization_id: org.id,
          patient_id: pt.id,
          payer_id: aetna.id,
          member_id: 'raw',
          priority: 'primary',
          effective_date: '2026-03-01',
          termination_date: '2026-03-02',
        })
        .execute(),
    ).rejects.toThrow(/coverages_one_per_priority/);

    const list = await t.as(org, 'biller').get(`/api/patients/${pt.id}/coverages`);
    expect(list.json().items.map((c: { priority: string }) => c.priority)).toEqual(['primary', 'primary', 'secondary']);
    expect(
      (
        await t
          .as(org, 'clinician')
          .post(`/api/patients/${pt.id}/coverages`, { payerId: aetna.id, memberId: 'Q', priority: 'tertiary', effectiveDate: '2026-01-01' })
      ).statusCode,
    ).toBe(403);
    const other = await t.newOrg();
    expect((await t.as(other, 'admin').get(`/api/patients/${pt.id}/coverages`)).statusCode).toBe(404);
  });
});

describe('documents', () => {
  it('stores an upload with its type detected from the content, serves it as attachment or inline with nosniff, and audits each step', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const aetna = await payer(org);
    const cov = (
      await t
        .as(org, 'front_desk')
        .post(`/api/patients/${pt.id}/coverages`, { payerId: aetna.id, memberId: 'M1', priority: 'primary', effectiveDate: '2026-01-01' })
    ).json();
    const up = await upload(org, pt.id, PNG, `category=insurance_card&fileName=card-front.pdf&coverageId=${cov.id}`);
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({ contentType: 'image/png', category: 'insurance_card', coverageId: cov.id, sizeBytes: PNG.length });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await upload(org, pt.id, PDF, 'category=referral&fileName=referral.pdf');
    expect(pdf.json().contentType).toBe('application/pdf');

    const list = await t.as(org, 'biller').get(`/api/patients/${pt.id}/documents?coverageId=${cov.id}`);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);

    const dl = await t.as(org, 'nurse').get(`/api/documents/${doc.id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers['content-type']).toBe('image/png');
    // Sent as card-front.pdf but a PNG: stored and downloaded under the extension of what it is.
    expect(doc.fileName).toBe('card-front.png');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="card-front.png"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const view = await t.as(org, 'nurse').get(`/api/documents/${doc.id}/content?disposition=inline`);
    expect(view.headers['content-disposition']).toMatch(/^inline;/);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'outcome'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', doc.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'export', 'read']);
  });

  it('refuses files that are not PDF/JPEG/PNG/TIFF whatever they claim, empty or oversized bodies, and roles without document:write', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const html = await upload(org, pt.id, Buffer.from('<html><script>alert(1)</script></html>'), 'category=other&fileName=x.png');
    expect(html.statusCode).toBe(415);
    const exe = await upload(
      org,
      pt.id,
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'),
      'category=other&fileName=a.pdf',
    );
    expect(exe.statusCode).toBe(415);
    expect((await upload(org, pt.id, PNG, 'category=selfie&fileName=a.png')).statusCode).toBe(400);
    expect((await upload(org, pt.id, PNG, 'category=id&fileName=../../etc/passwd')).statusCode).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(org, pt.id, big, 'category=id&fileName=big.png')).statusCode).toBe(413);
    expect((await upload(org, pt.id, PNG, 'category=id&fileName=a.png', 'biller')).statusCode).toBe(403);
    const other = await t.newOrg();
    expect((await upload(other, pt.id, PNG, 'category=id&fileName=a.png')).statusCode).toBe(404);
    const rows = await t.db.selectFrom('documents').select('id').where('organization_id', '=', org.id).execute();
    expect(rows).toEqual([]);
  });

  it('detects a flipped byte on disk and refuses to serve the file (INTEGRITY_FAILURE, audited)', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const doc = (await upload(org, pt.id, PNG, 'category=id&fileName=license.png')).json();
    const row = await t.db.selectFrom('documents').select('storage_key').where('id', '=', doc.id).executeTakeFirstOrThrow();
    const file = path.join(dataDir, 'documents', ...row.storage_key.split('/'));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0x01;
    fs.writeFileSync(file, bytes);
    const res = await t.as(org, 'front_desk').get(`/api/documents/${doc.id}/content`);
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('INTEGRITY_FAILURE');
    const denied = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('resource_id', '=', doc.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBe(1);
    fs.rmSync(file);
    expect((await t.as(org, 'front_desk').get(`/api/documents/${doc.id}/content`)).json().code).toBe('INTEGRITY_FAILURE');
  });

  it("answers 404 for another organization's document", async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const doc = (await upload(org, pt.id, PNG, 'category=id&fileName=a.png')).json();
    const other = await t.newOrg();
    expect((await t.as(other, 'admin').get(`/api/documents/${doc.id}/content`)).statusCode).toBe(404);
  });
});
