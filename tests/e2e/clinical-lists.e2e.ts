/**
 * A clinician's chart lists in Chromium against a real server with the demo practice: add a
 * problem with the ICD-10-CM picker (keyboard), record "no known allergies" and see it dated in
 * the tab and the chart header, add a medication, write a prescription and print it (the PDF
 * answers). Each tab and dialog passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, fileSession, openAs } from './helpers/session.ts';

const session = fileSession();

describe('clinical lists', () => {
  it('adds a problem via the picker, records NKA, adds a medication, writes and prints a prescription', async () => {
    const { context, page, watch: console } = await openAs(session, 'clinician@demo.clinicdesk.dev');
    const created = await page.request.post('/api/patients', {
      headers: { 'x-clinicdesk-csrf': '1' },
      data: { givenName: 'Zoë', familyName: 'Ibáñez-Quist', birthDate: '1961-07-04' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const patientId = ((await created.json()) as { id: string }).id;
    await page.goto(`/patients?id=${patientId}`);
    await page.getByTestId('chart-header').waitFor();
    await expect(page.getByTestId('allergy-banner').textContent()).resolves.toContain('Not recorded');

    // Problems: the picker is keyboard-driven (type, wait for the match, Enter).
    await page.getByRole('tab', { name: 'Problems' }).click();
    await page.getByText('No problems recorded.').waitFor();
    await expectAccessibleNow(page, 'problems tab (empty)');
    await page.getByRole('button', { name: 'Add problem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a problem' });
    await dialog.getByLabel('Diagnosis (ICD-10-CM)').fill('e11.9');
    await page
      .getByRole('option', { name: /E11\.9/ })
      .first()
      .waitFor();
    await dialog.getByLabel('Diagnosis (ICD-10-CM)').press('Enter');
    await dialog.getByTestId('picked-code').filter({ hasText: 'E11.9' }).waitFor();
    await expect(dialog.getByLabel('Description', { exact: true }).inputValue()).resolves.toBe(
      'Type 2 diabetes mellitus without complications',
    );
    await dialog.getByLabel('Onset date').fill('2018-04-01');
    await expectAccessibleNow(page, 'add problem dialog');
    await dialog.getByRole('button', { name: 'Add problem' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const problems = page.getByRole('table', { name: 'Problems' });
    await problems.getByText('Type 2 diabetes mellitus without complications').waitFor();
    await expect(problems.textContent()).resolves.toContain('E11.9');
    await expectAccessibleNow(page, 'problems tab');

    // Allergies: "no known allergies" is a dated statement, shown here and in the header.
    await page.getByRole('tab', { name: 'Allergies' }).click();
    await page.getByTestId('allergy-status').filter({ hasText: 'not recorded' }).waitFor();
    await page.getByRole('button', { name: 'Record no known allergies' }).click();
    const status = page.getByTestId('allergy-status');
    await status.filter({ hasText: /No known allergies — recorded \d{4}-\d{2}-\d{2} by Demo Clinician/ }).waitFor();
    await page.getByTestId('allergy-banner').filter({ hasText: 'No known allergies' }).waitFor();
    await expectAccessibleNow(page, 'allergies tab (NKA)');

    // Medications: add one in the modal.
    await page.getByRole('tab', { name: 'Medications' }).click();
    await page.getByText('No medications recorded.').waitFor();
    await page.getByRole('button', { name: 'Add medication' }).click();
    const medDialog = page.getByRole('dialog', { name: 'Add a medication' });
    await medDialog.getByRole('textbox', { name: 'Medication', exact: true }).fill('Atorvastatin');
    await medDialog.getByLabel('Dose').fill('20 mg');
    await medDialog.getByLabel('Frequency').fill('once daily at bedtime');
    await expectAccessibleNow(page, 'add medication dialog');
    await medDialog.getByLabel('Frequency').press('Enter');
    await medDialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Medications' }).getByText('Atorvastatin 20 mg').waitFor();

    // A prescription: recorded, then printed.
    await page.getByRole('button', { name: 'Write prescription' }).click();
    const rxDialog = page.getByRole('dialog', { name: 'Write a prescription' });
    await rxDialog.getByLabel('Drug').fill('Lisinopril');
    await rxDialog.getByLabel('Strength').fill('10 mg');
    await rxDialog.getByLabel('Sig (directions)').fill('Take 1 tablet by mouth once daily.');
    await rxDialog.getByLabel('Refills').fill('3');
    await rxDialog.getByLabel('DEA number').fill('BM4826155');
    await expectAccessibleNow(page, 'prescription dialog');
    await rxDialog.getByRole('button', { name: 'Record prescription' }).click();
    await rxDialog.getByTestId('prescription-written').waitFor();
    const href = await rxDialog.getByRole('link', { name: 'Print' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/patients/${patientId}/prescriptions/[0-9a-f-]{36}\\.pdf`));
    const pdf = await page.request.get(href as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await rxDialog.getByRole('button', { name: 'Close' }).first().click();
    await rxDialog.waitFor({ state: 'hidden' });
    const rxTable = page.getByRole('table', { name: 'Prescriptions' });
    await rxTable.getByText('Lisinopril 10 mg tablet').waitFor();
    await expect(rxTable.getByRole('link', { name: /Print the Lisinopril prescription/ }).count()).resolves.toBe(1);
    // The new prescription added Lisinopril to the medication list.
    await page.getByRole('table', { name: 'Medications' }).getByText('Lisinopril 10 mg').waitFor();
    await expectAccessibleNow(page, 'medications tab');
    expect(console.problems).toEqual([]);
    await context.close();
  });
});
