/**
 * Letters end to end through the API: merge fields are checked when a template is saved; a
 * letter is merged once, stored as merged and printed on the letterhead with the shared PDF
 * layer, read back with poppler (`pdftotext`, `pdftoppm`): names in any script print as written
 * and a name holding `{{…}}` or HTML prints literally; every write and print is audited with
 * the patient; another practice's templates and letters are 404; a batch writes a letter per
 * patient into the mail log and prints them as one PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '@domain/shared/clock.ts';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York (the org's first location).
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinicdesk-letters-'));
afterAll(() => {
  if (!process.env.KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
});

const INJECTED = '<b>Zoë</b> {{balance.due}}';
const VIETNAMESE = 'Nguyễn Thị Ánh';
/**
 * The name as poppler reads it back: the letter draws "ị" (the shaper decomposes it into "i"
 * and a combining dot below, and the page shows both), but the PDF layer's ToUnicode map gives
 * the mark no text, so `pdftotext` answers "i". Every other letter reads back exactly.
 */
const VIETNAMESE_READ = VIETNAMESE.normalize('NFD')
  .replace(/\u0323/g, '')
  .normalize('NFC');

async function namedPatient(org: TestOrg, given: string, family: string): Promise<string> {
  const row = await t.db
    .insertInto('patients')
    .values({
      organization_id: org.id,
      mrn: sql<string>`nextval('patient_mrn_seq')::text`,
      given_name: given,
      family_name: family,
      birth_date: '1979-11-23',
      address: JSON.stringify({ line1: '7 Orchard Lane', city: 'Albany', state: 'NY', postalCode: '12207' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function template(org: TestOrg, body: string, name = `Letter ${Math.random().toString(36).slice(2, 8)}`, kind = 'single') {
  const res = await t.as(org, 'office_manager').post('/api/letter-templates', { name, body, kind });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; fields: string[] };
}

function pdfToText(bytes: Buffer, name: string): { file: string; text: string } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return { file, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) };
}

const auditRows = (resourceId: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'resource_type', 'patient_id', 'user_id'])
    .where('resource_id', '=', resourceId)
    .orderBy('seq')
    .execute();

describe('letter templates', () => {
  it('refuses an unknown merge field at save, naming body and the field, and saves nothing', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const res = await om.post('/api/letter-templates', { name: 'Typo', body: 'Dear {{patient.firstName}}, your {{patient.shoeSize}}' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as { errors: { path: string; message: string }[] };
    expect(problem.errors[0]?.path).toBe('body');
    expect(problem.errors[0]?.message).toContain('patient.shoeSize');
    expect((await om.post('/api/letter-templates', { name: 'Open', body: 'Dear {{patient.firstName' })).statusCode).toBe(400);
    expect((await om.get('/api/letter-templates')).json().items).toEqual([]);
    // The front desk writes letters but does not maintain templates.
    expect((await t.as(org, 'front_desk').post('/api/letter-templates', { name: 'X', body: 'Hi' })).statusCode).toBe(403);
  });

  it('edits with If-Match (428 without, 412 stale), checks the new text, and deactivates', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const tpl = await template(org, 'Dear {{patient.firstName}}', 'Recall');
    expect(tpl.fields).toEqual(['patient.firstName']);
    const url = `/api/letter-templates/${tpl.id}`;
    expect((await om.patch(url, { name: 'Recall 2' })).statusCode).toBe(428);
    expect((await om.patch(url, { body: 'Hi {{nope}}' }, { 'if-match': '"1"' })).json().errors[0].path).toBe('body');
    const ok = await om.patch(url, { body: 'Hi {{patient.lastName}}' }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().fields).toEqual(['patient.lastName']);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await om.patch(url, { active: false }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.version).toBe(2);
    expect((await om.patch(url, { active: false }, { 'if-match': '"2"' })).statusCode).toBe(200);
    expect((await om.get('/api/letter-templates')).json().items).toEqual([]);
    const patientId = await newPatient(t.db, org);
    expect((await t.as(org, 'front_desk').post('/api/letters', { templateId: tpl.id, patientId })).statusCode).toBe(409);
  });
});

describe('single letters', () => {
  it('prints merge fields filled, names as written and injected braces or HTML literally; audited with the patient', async () => {
    const org = await t.newOrg();
    await t.db
      .updateTable('locations')
      .set({ address_line1: '12 Główna Street', city: 'Springfield', phone: '+14137360100' })
      .where('id', '=', org.locationId)
      .execute();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { name: 'Follow-up', duration: 20 });
    const patientId = await namedPatient(org, INJECTED, VIETNAMESE);
    const fd = t.as(org, 'front_desk');
    expect((await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-05T10:00'))).statusCode).toBe(201);
    const tpl = await template(
      org,
      'Dear {{patient.fullName}},\n\nBorn {{patient.birthDate}}. Your visit: {{appointment.start}} with {{appointment.provider}}.\n\nBalance: {{balance.due}}.',
      'Results letter',
    );
    const preview = await fd.post('/api/letters/preview', { templateId: tpl.id, patientId, providerId: org.providerId });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().body).toContain(`Dear ${INJECTED} ${VIETNAMESE},`);

    const created = await fd.post('/api/letters', { templateId: tpl.id, patientId, providerId: org.providerId });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    const pdf = await fd.get(`/api/letters/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { file, text } = pdfToText(pdf.rawPayload, 'single');
    expect(text).toContain(`Dear ${INJECTED} ${VIETNAMESE_READ},`);
    // The value inserted is never expanded again: the name's {{balance.due}} stays, the field is filled.
    expect(text).toContain('Balance: $0.00.');
    expect(text).toContain('Born 11/23/1979.');
    expect(text).toContain('Thursday, March 5, 2026 at 10:00 AM');
    expect(text).toContain('12 Główna Street');
    expect(text).toContain('7 Orchard Lane');
    expect(text).toContain('March 4, 2026');
    expect(text).not.toContain('\ufffd');
    const provider = await t.db
      .selectFrom('providers')
      .select(['given_name', 'family_name'])
      .where('id', '=', org.providerId)
      .executeTakeFirstOrThrow();
    // A signature line for the provider who signs it.
    expect(text).toMatch(new RegExp(`_{20,}\\s+${provider.given_name} ${provider.family_name}`));

    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'single')]);
    const { data, info } = await sharp(fs.readFileSync(path.join(dir, 'single.png')))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([612, 792]);
    const dark = data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / data.length;
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.2);

    const rows = await auditRows(id);
    expect(rows.map((r) => `${r.action}:${r.resource_type}`)).toEqual(['create:letter', 'print:letter']);
    for (const r of rows) {
      expect(r.patient_id).toBe(patientId);
      expect(r.user_id).toBe(org.users.front_desk.id);
    }

    // The patient's mail log.
    const log = await fd.get(`/api/letters?patientId=${patientId}`);
    expect(log.json().items).toMatchObject([{ id, title: 'Results letter', providerId: org.providerId, createdBy: expect.any(String) }]);
  });

  it('prints a Greek name as written', async () => {
    const org = await t.newOrg();
    const patientId = await namedPatient(org, 'Ζωή', 'Παπαδοπούλου');
    const tpl = await template(org, 'Αγαπητή {{patient.firstName}} {{patient.lastName}},\n\nSee you soon.');
    const fd = t.as(org, 'front_desk');
    const { id } = (await fd.post('/api/letters', { templateId: tpl.id, patientId })).json() as { id: string };
    const { text } = pdfToText((await fd.get(`/api/letters/${id}/pdf`)).rawPayload, 'greek');
    expect(text).toContain('Αγαπητή Ζωή Παπαδοπούλου,');
    expect(text).toContain('Ζωή Παπαδοπούλου');
  });

  it("answers 404 for another practice's template, letter, batch and patient", async () => {
    const [a, b] = [await t.newOrg(), await t.newOrg()];
    const tplB = await template(b, 'Dear {{patient.firstName}}');
    const patientB = await newPatient(t.db, b);
    const letterB = (await t.as(b, 'front_desk').post('/api/letters', { templateId: tplB.id, patientId: patientB })).json() as {
      id: string;
    };
    const batchB = (await t.as(b, 'front_desk').post('/api/letter-batches', { templateId: tplB.id, patientIds: [patientB] })).json() as {
      id: string;
    };
    const tplA = await template(a, 'Dear {{patient.firstName}}');
    const patientA = await newPatient(t.db, a);
    const fdA = t.as(a, 'front_desk');
    expect((await fdA.get(`/api/letters/${letterB.id}/pdf`)).statusCode).toBe(404);
    expect((await fdA.get(`/api/letter-batches/${batchB.id}/pdf`)).statusCode).toBe(404);
    expect((await fdA.get(`/api/letter-templates/${tplB.id}`)).statusCode).toBe(404);
    expect((await fdA.post('/api/letters', { templateId: tplB.id, patientId: patientA })).statusCode).toBe(404);
    expect((await fdA.post('/api/letters', { templateId: tplA.id, patientId: patientB })).statusCode).toBe(404);
    expect(
      (await t.as(a, 'office_manager').patch(`/api/letter-templates/${tplB.id}`, { name: 'Mine' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(404);
    expect((await fdA.get(`/api/letters?batchId=${batchB.id}`)).json().items).toEqual([]);
    // Nothing of B's was printed by A.
    expect((await auditRows(letterB.id)).map((r) => r.action)).toEqual(['create']);
  });
});

describe('batch letters', () => {
  it('writes one letter per patient into the mail log and prints them as one PDF, each print audited', async () => {
    const org = await t.newOrg();
    const p1 = await namedPatient(org, 'Ana', 'Silva');
    const p2 = await namedPatient(org, 'Ζωή', VIETNAMESE);
    const tpl = await template(
      org,
      'Dear {{patient.firstName}},\n\n{{location.name}} will be closed on Friday.',
      'Practice closure notice',
      'batch',
    );
    const fd = t.as(org, 'front_desk');
    const other = await t.newOrg();
    const stranger = await newPatient(t.db, other);
    const refused = await fd.post('/api/letter-batches', { templateId: tpl.id, patientIds: [p1, stranger] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('patientIds.1');
    expect((await fd.get('/api/letters')).json().items).toEqual([]);

    const res = await fd.post('/api/letter-batches', { templateId: tpl.id, patientIds: [p1, p2, p1] });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as { id: string; letterCount: number; audience: string };
    expect(batch).toMatchObject({ letterCount: 2, audience: 'patients' });
    const log = (await fd.get(`/api/letters?batchId=${batch.id}&limit=1`)).json() as { items: { patientId: string }[]; nextCursor: string };
    expect(log.items).toHaveLength(1);
    const rest = (await fd.get(`/api/letters?batchId=${batch.id}&limit=1&cursor=${log.nextCursor}`)).json() as {
      items: { patientId: string }[];
      nextCursor: null;
    };
    expect([...log.items, ...rest.items].map((l) => l.patientId).sort()).toEqual([p1, p2].sort());
    expect(rest.nextCursor).toBeNull();
    expect((await fd.get('/api/letters?cursor=bogus')).json().errors[0].path).toBe('cursor');
    expect((await fd.get('/api/letter-batches')).json().items).toMatchObject([
      { id: batch.id, templateName: 'Practice closure notice', letterCount: 2 },
    ]);

    const pdf = await fd.get(`/api/letter-batches/${batch.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = pdfToText(pdf.rawPayload, 'batch');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(text).toContain('Dear Ana,');
    expect(text).toContain('Dear Ζωή,');
    expect(text).toContain(`Ζωή ${VIETNAMESE_READ}`);
    const prints = await t.db
      .selectFrom('audit_events')
      .select(['patient_id'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'print')
      .where('resource_type', '=', 'letter')
      .execute();
    expect(prints.map((r) => r.patient_id).sort()).toEqual([p1, p2].sort());
  });

  it('writes to the patients with an overdue recall, naming what each is due for', async () => {
    const org = await t.newOrg();
    const due = await namedPatient(org, 'Omar', 'Haddad');
    const later = await namedPatient(org, 'Lea', 'Moreau');
    const fd = t.as(org, 'front_desk');
    for (const [patientId, dueDate] of [
      [due, '2026-01-15'],
      [later, '2026-06-01'],
    ] as const)
      expect((await fd.post(`/api/patients/${patientId}/recalls`, { recallType: 'annual_physical', dueDate })).statusCode).toBe(201);
    const tpl = await template(
      org,
      'Dear {{patient.firstName}}, you are due for your {{recall.type}} (due {{recall.dueDate}}).',
      'Recall reminder',
      'batch',
    );
    const res = await fd.post('/api/letter-batches', { templateId: tpl.id, audience: 'overdue_recalls' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().letterCount).toBe(1);
    const [letter] = (await fd.get(`/api/letters?batchId=${res.json().id}`)).json().items as { id: string; patientId: string }[];
    expect(letter?.patientId).toBe(due);
    const { text } = pdfToText((await fd.get(`/api/letters/${letter?.id}/pdf`)).rawPayload, 'recall');
    expect(text).toContain('Dear Omar, you are due for your annual physical (due January 15, 2026).');
    expect((await fd.post('/api/letter-batches', { templateId: tpl.id, audience: 'balances_over' })).json().errors[0].path).toBe(
      'minBalanceCents',
    );
  });
});
