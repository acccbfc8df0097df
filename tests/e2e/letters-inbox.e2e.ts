/**
 * Letters and staff messages in Chromium against the demo practice: the front desk writes a
 * results letter from a chart (preview, write, the PDF answers), sends a refill request that
 * lands, unread, in the demo clinician's staff inbox; the clinician opens it (the nav badge goes
 * down), replies and marks it done; the office manager's template editor refuses an unknown
 * merge field. Every screen passes axe, also at phone width; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

describe('letters and staff messages', () => {
  it('writes a letter from the chart, routes a refill request to the clinician, and checks merge fields in the editor', async () => {
    const desk = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    const page = desk.page;
    const created = await page.request.post('/api/patients', {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: { givenName: '<b>Zoë</b>', familyName: 'Nguyễn Thị Ánh', birthDate: '1984-07-09' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;

    await page.goto(`/patients?id=${patientId}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByText('No letters yet.').waitFor();
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Results letter' }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('letter-preview').filter({ hasText: 'Dear <b>Zoë</b>,' }).waitFor();
    await expectAccessibleNow(page, 'letters tab with a preview');
    await page.getByRole('button', { name: 'Write letter' }).click();
    const open = page.getByRole('link', { name: 'Open it to print' });
    await open.waitFor();
    const pdf = await page.request.get((await open.getAttribute('href')) as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.getByRole('table', { name: 'Letters sent' }).getByRole('cell', { name: 'Results letter', exact: true }).waitFor();

    // A refill request for a medication the demo clinician prescribed.
    const colleagues = (await (await page.request.get('/api/staff-colleagues')).json()) as {
      items: { name: string; providerId: string | null }[];
    };
    const clinicianProvider = colleagues.items.find((c) => c.name === 'Demo Clinician')?.providerId as string;
    expect(clinicianProvider).toBeTruthy();
    const clinician = await openAs(session, 'clinician@demo.clinicdesk.dev');
    const med = await clinician.page.request.post(`/api/patients/${patientId}/medications`, {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: { name: 'Metformin', dose: '500 mg', prescriberId: clinicianProvider },
    });
    expect(med.status(), await med.text()).toBe(201);
    await page.getByRole('tab', { name: 'Staff messages' }).click();
    await page.getByRole('button', { name: 'Message a colleague or request a refill' }).click();
    const dialog = page.getByRole('dialog', { name: 'New staff message' });
    await dialog.getByText('Refill request', { exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Medication' }).click();
    await page.getByRole('option', { name: 'Metformin 500 mg' }).click();
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Out of tablets on Friday.');
    await expectAccessibleNow(page, 'refill request dialog');
    await dialog.getByRole('button', { name: 'Send to the prescriber' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Refill request: Metformin 500 mg' }).waitFor();

    // The clinician sees it unread, opens it, replies and marks it done, at phone width.
    const cp = clinician.page;
    await cp.setViewportSize({ width: 390, height: 844 });
    await cp.goto('/staff-messages');
    await cp.getByRole('heading', { level: 1, name: 'Staff messages' }).waitFor();
    const before = Number(await cp.getByTestId('staff-unread').first().textContent());
    await cp.getByTestId('staff-thread').filter({ hasText: 'Refill request: Metformin 500 mg' }).click();
    await cp.getByText('Out of tablets on Friday.').waitFor();
    await expectAccessibleNow(cp, 'staff inbox at phone width');
    await cp.getByRole('textbox', { name: 'Reply' }).fill('Sent 90 days to the pharmacy.');
    await cp.getByRole('button', { name: 'Send reply' }).click();
    await cp.getByText('Sent 90 days to the pharmacy.').waitFor();
    // A task from the thread lands in the clinician's tasks.
    await cp.getByRole('button', { name: 'Make a task' }).click();
    await cp.getByText('Task made: Refill request: Metformin 500 mg').waitFor();
    const tasks = await getJson<{ items: { title: string; source: string }[] }>(cp, '/api/tasks?assignee=me');
    expect(tasks.items).toContainEqual(expect.objectContaining({ title: 'Refill request: Metformin 500 mg', source: 'message' }));
    await cp.getByRole('button', { name: 'Mark done' }).click();
    await cp.getByRole('button', { name: 'Open again' }).waitFor();
    const after = await cp.getByTestId('staff-unread').count();
    if (after > 0) expect(Number(await cp.getByTestId('staff-unread').first().textContent())).toBeLessThan(before);

    // The office manager's editor refuses an unknown merge field, naming it.
    const manager = await openAs(session, 'office.manager@demo.clinicdesk.dev');
    const mp = manager.page;
    await mp.goto('/letters');
    await mp.getByRole('heading', { level: 1, name: 'Letters' }).waitFor();
    await mp.getByRole('button', { name: 'New template' }).click();
    await mp.getByRole('textbox', { name: 'Name' }).fill('Flu clinic');
    await mp.getByRole('textbox', { name: 'Text' }).fill('Dear {{patient.firstName}}, bring {{patient.shoeSize}}.');
    await mp.getByRole('button', { name: 'Save template' }).click();
    await mp
      .getByText(/unknown merge field \{\{patient\.shoeSize\}\}/)
      .first()
      .waitFor();
    await mp.getByTestId('template-preview').filter({ hasText: 'Dear Maria, bring {{patient.shoeSize}}.' }).waitFor();
    await expectAccessibleNow(mp, 'template editor with an error');

    expectQuietConsole(desk.watch);
    expectQuietConsole(clinician.watch);
    await desk.context.close();
    await clinician.context.close();
    await manager.context.close();
  });
});
