/**
 * In Chromium on the demo practice: the front desk checks a coverage's eligibility from the
 * insurance tab (Create 270 downloads an inquiry our reader parses; Import 271 uploads the
 * payer's answer, built from the public sample with that inquiry's trace, and the panel shows
 * Active with the copay); the biller downloads a claim's CMS-1500 from the claim page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse270 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

/** The public subscriber 271 answering `trace` (its TRN02 replaced). */
function answer271(trace: string): string {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/x12/271/lfh-subscriber-health-benefit-check.271'), 'utf8');
  return text.replace('TRN*2*93175-012547*', `TRN*2*${trace}*`);
}

describe('eligibility and the CMS-1500 in the browser', () => {
  it('the front desk creates a 270 and imports the 271: the coverage shows active with its copay', async () => {
    const { context, page, watch } = await openAs(session, 'front.desk@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const patients = await getJson<{ items: { id: string }[] }>(page, '/api/patients?q=a&limit=50');
    let found: { patientId: string; coverageId: string; payerName: string } | undefined;
    for (const p of patients.items) {
      const coverages = await getJson<{ items: { id: string; payerName: string; active: boolean }[] }>(
        page,
        `/api/patients/${p.id}/coverages`,
      );
      const c = coverages.items.find((x) => x.active);
      if (c) {
        found = { patientId: p.id, coverageId: c.id, payerName: c.payerName };
        break;
      }
    }
    if (!found) throw new Error('no demo patient with a coverage');
    await page.goto(`/patients?id=${found.patientId}`);
    await page.getByRole('tab', { name: 'Insurance' }).click();
    const panel = page.getByTestId(`eligibility-${found.coverageId}`);
    await panel.getByText('Not checked yet').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /^Create 270/ }).click()]);
    const x12 = fs.readFileSync((await download.path()) as string, 'utf8');
    const trace = parse270(x12).requests[0]?.traceNumber as string;
    expect(trace).toMatch(/^CD\d{9}$/);
    await panel.getByRole('status').filter({ hasText: trace }).waitFor();

    await page
      .getByLabel(`271 file from ${found.payerName}`)
      .setInputFiles({ name: 'answer.271', mimeType: 'application/edi-x12', buffer: Buffer.from(answer271(trace)) });
    await panel.getByText('Active', { exact: true }).waitFor();
    await expect.poll(async () => panel.textContent()).toContain('Copay $10.00');
    await page.mouse.move(1390, 990);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('the biller downloads a claim on the CMS-1500 form from the claim page', async () => {
    const { context, page, watch } = await openAs(session, 'biller@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const claims = await getJson<{ items: { id: string; patientControlNumber: string }[] }>(page, '/api/claims?limit=5');
    const claim = claims.items[0];
    if (!claim) throw new Error('the demo has no claim');
    await page.goto(`/billing/claims/${claim.id}`);
    const link = page.getByRole('link', { name: 'CMS-1500', exact: true });
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const dataOnly = page.getByRole('link', { name: /^Data only/ });
    expect(await dataOnly.getAttribute('href')).toBe(`${href}?form=data-only`);
    await page.mouse.move(1390, 990);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
