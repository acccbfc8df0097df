/**
 * Disguised uploads: a document is stored only when its bytes are a well-formed file of
 * an accepted type (parsed, not only its magic bytes), never a PDF that runs JavaScript or
 * acts by itself, and it is stored (and downloads) under the extension of what it is.
 * Refusals are problem+json naming the field `body` and store nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { type ActiveContent, image, pdfkitPdf, withActiveContent } from '../helpers/upload-files.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-inspect-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const { createTestApp } = await import('../helpers/test-app.ts');
const t = await createTestApp();

const HTML =
  '<!doctype html><html><body><h1>Lab results</h1><script>fetch("/api/me").then(r=>r.text()).then(alert)</script></body></html>\n';

async function patient(org: TestOrg) {
  const res = await t
    .as(org, 'front_desk')
    .post('/api/patients', { givenName: 'Ines', familyName: 'Quillfeather', birthDate: '1977-07-07', confirmNotDuplicate: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

function upload(org: TestOrg, patientId: string, bytes: Buffer, fileName: string, contentType = 'application/octet-stream') {
  return t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/documents?category=outside_records&fileName=${encodeURIComponent(fileName)}`,
    headers: { authorization: `Bearer ${org.users.front_desk.token}`, 'content-type': contentType },
    payload: bytes,
  });
}

function storedFiles(org: TestOrg): string[] {
  const dir = path.join(dataDir, 'documents', org.id);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function expectNothingStored(org: TestOrg) {
  expect(await t.db.selectFrom('documents').select('id').where('organization_id', '=', org.id).execute()).toEqual([]);
  expect(storedFiles(org)).toEqual([]);
}

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, message: RegExp) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as { errors: { path: string; message: string }[] };
  expect(body.errors).toEqual([{ path: 'body', message: expect.stringMatching(message) }]);
}

describe('disguised uploads', () => {
  it('refuses %PDF-1.4 followed by an HTML page with a script, named report.html (was stored and served as report.html)', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const disguised = Buffer.from(`%PDF-1.4\n${HTML}`);
    expectRefused(await upload(org, pt.id, disguised, 'report.html'), 415, /not a well-formed PDF/);
    expectRefused(await upload(org, pt.id, Buffer.from(`%PDF-1.4\n${HTML}%%EOF\n`), 'report.html', 'application/pdf'), 415, /no pages/);
    await expectNothingStored(org);
  });

  it('refuses a real PDF with an HTML page appended, and images that are not well formed', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const pdf = await pdfkitPdf();
    expectRefused(await upload(org, pt.id, Buffer.concat([pdf, Buffer.from(HTML)]), 'letter.pdf'), 415, /after the end/);
    expectRefused(await upload(org, pt.id, pdf.subarray(0, pdf.length >> 1), 'half.pdf'), 415, /not a well-formed PDF/);
    const png = await image('png');
    expectRefused(await upload(org, pt.id, Buffer.concat([png.subarray(0, 33), Buffer.from(HTML)]), 'card.png'), 415, /PNG/);
    expectRefused(await upload(org, pt.id, Buffer.concat([png, Buffer.from(HTML)]), 'card.png'), 415, /after the end/);
    const jpeg = await image('jpeg');
    expectRefused(await upload(org, pt.id, Buffer.concat([jpeg.subarray(0, 24), Buffer.from(HTML)]), 'card.jpg'), 415, /JPEG/);
    expectRefused(await upload(org, pt.id, Buffer.from(HTML), 'card.png'), 415, /only PDF, JPEG, PNG and TIFF/);
    expectRefused(await upload(org, pt.id, await pdfkitPdf('secret', { userPassword: 'pw' }), 'locked.pdf'), 415, /encrypted/);
    await expectNothingStored(org);
  });

  const ACTIVE: [ActiveContent, RegExp][] = [
    ['open-action-js', /\/OpenAction.*\/JavaScript.*\/JS|\/JS/],
    ['page-aa-js', /\/AA/],
    ['names-js', /\/JavaScript/],
    ['launch-link', /\/Launch/],
  ];
  for (const [kind, names] of ACTIVE) {
    it(`refuses a PDF with active content (${kind}), also inside compressed object streams`, async () => {
      const org = await t.newOrg();
      const pt = await patient(org);
      const res = await upload(org, pt.id, await withActiveContent(await pdfkitPdf(), kind), 'referral.pdf', 'application/pdf');
      expectRefused(res, 400, /active content/);
      expect((res.json() as { errors: { message: string }[] }).errors[0]?.message).toMatch(names);
      await expectNothingStored(org);
    });
  }

  it('refuses /JavaScript written with #-escapes in its name', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const pdf = (await pdfkitPdf()).toString('latin1');
    expect(pdf).toContain('/Type /Catalog');
    const escaped = Buffer.from(
      pdf.replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /J#61va#53cript /J#53 (app.alert(1)) >>'),
      'latin1',
    );
    expectRefused(await upload(org, pt.id, escaped, 'referral.pdf'), 400, /\/JavaScript|\/OpenAction/);
    await expectNothingStored(org);
  });

  it('stores real PDFs and images under the extension of their detected type, and downloads them so named', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const cases: [Buffer, string, string, string][] = [
      [await pdfkitPdf('A real referral'), 'report.html', 'application/pdf', 'report.pdf'],
      [await image('png'), 'card-front.pdf', 'image/png', 'card-front.png'],
      [await image('jpeg'), 'photo of card', 'image/jpeg', 'photo of card.jpg'],
      [await image('jpeg'), 'front.JPEG', 'image/jpeg', 'front.JPEG'],
      [await image('tiff'), 'scan.tiff', 'image/tiff', 'scan.tiff'],
      [await image('tiff'), 'scan.exe', 'image/tiff', 'scan.tif'],
    ];
    for (const [bytes, sent, contentType, stored] of cases) {
      const res = await upload(org, pt.id, bytes, sent);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ contentType, fileName: stored });
      const dl = await t.as(org, 'nurse').get(`/api/documents/${res.json().id}/content`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe(contentType);
      expect(dl.headers['content-disposition']).toBe(`attachment; filename="${stored}"; filename*=UTF-8''${encodeURIComponent(stored)}`);
      expect(dl.rawPayload.equals(bytes)).toBe(true);
    }
  });
});
