/**
 * The visit note (issue 12), in Chromium against a real server with the demo practice, as the
 * demo clinician (Alice Morgan's user):
 * - one of her visits is roomed; "Start note" on the flow board opens its encounter in one click;
 * - a template fills the empty note, `.bpgoal` + Space expands in Assessment, vitals show the
 *   server's BMI, a diagnosis and a procedure (with its pointer) come through the pickers, a
 *   follow-up is asked for; axe finds nothing serious on the screen;
 * - signing with the password locks it: no editable field is left, "Signed by" shows; a plan and
 *   an addendum holding `<img src=x onerror=...>` show literally and run nothing;
 * - a note started from the chart keeps text typed just before a reload, and saves it; when
 *   someone else saved in between (412), "Reload theirs and reapply my changes" keeps both;
 * - the follow-up lands on the worklist and is booked there in three interactions.
 * Screenshots of the screen go to /tmp/screens (not the repo).
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { DEMO_PASSWORD, signIn } from './helpers/sign-in.ts';

const SCREENS = '/tmp/screens';
const XSS = '<img src=x onerror=window.__xss=1>';

let server: TestServer;
let browser: Browser;
let page: Page;
/** Shared by the steps: the visit roomed for the journey. */
const visit = { appointmentId: '', patientId: '', name: '', encounterUrl: '' };

interface FlowItem {
  appointmentId: string;
  patientId: string | null;
  patientName: string;
  providerId: string;
  status: string;
  busy: boolean;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await newContext(browser, server.url, 1366, 900)).newPage();
  page.setDefaultTimeout(15_000);
  fs.mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function getJson<T>(url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function postJson(url: string, body: unknown): Promise<void> {
  const res = await page.request.post(url, { data: body, headers: { 'x-clinicdesk-csrf': '1' } });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
}

const saved = () =>
  page
    .getByTestId('save-state')
    .filter({ hasText: /^(Saved|All changes saved)/ })
    .waitFor({ timeout: 15_000 });
/** The whole screen in one tall window (a full-page capture would repeat the sticky header). */
async function shoot(name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1366, height: Math.min(height, 3000) });
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
  await page.setViewportSize({ width: 1366, height: 900 });
}

const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });

describe('visit note journey', () => {
  it('rooms a visit and opens its note from the flow board in one click', async () => {
    await signIn(page, 'clinician@demo.clinicdesk.dev');
    const me = await getJson<{ user: { providerId: string }; locations: { id: string }[] }>('/api/me');
    // One of her visits not yet in a room (it has no encounter yet), else, late in the demo day,
    // one she has seen that has no note yet; at whichever location she works today.
    let mine: FlowItem | undefined;
    let locationId = '';
    const seen: string[] = [];
    for (const location of me.locations) {
      const board = await getJson<{ items: FlowItem[] }>(`/api/flow-board?locationId=${location.id}`);
      const hers = board.items.filter((i) => i.providerId === me.user.providerId && i.patientId && !i.busy);
      seen.push(...hers.map((i) => i.status));
      mine = hers.find((i) => ['scheduled', 'confirmed', 'no_show', 'arrived'].includes(i.status));
      for (const i of mine ? [] : hers.filter((x) => ['roomed', 'with_provider', 'checked_out'].includes(x.status))) {
        const notes = await getJson<{ items: unknown[] }>(`/api/encounters?appointmentId=${i.appointmentId}`);
        if (notes.items.length === 0) {
          mine = i;
          break;
        }
      }
      locationId = location.id;
      if (mine) break;
    }
    if (!mine?.patientId) throw new Error(`no visit of the clinician without a note today: ${JSON.stringify(seen)}`);
    await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), locationId);
    Object.assign(visit, { appointmentId: mine.appointmentId, patientId: mine.patientId, name: mine.patientName });
    // Rooming itself is the flow board's own journey (flow-rooms.e2e.ts): here through the API.
    if (['scheduled', 'confirmed', 'no_show'].includes(mine.status))
      await postJson(`/api/appointments/${mine.appointmentId}/status`, { status: 'arrived' });
    if (['scheduled', 'confirmed', 'no_show', 'arrived'].includes(mine.status)) {
      const rooms = await getJson<{ items: { id: string }[] }>(`/api/rooms?locationId=${locationId}`);
      await postJson(`/api/appointments/${mine.appointmentId}/status`, { status: 'roomed', roomId: rooms.items[0]?.id });
    }

    await page.goto('/flow');
    const row = page.locator(`[data-testid="flow-row"][data-appointment-id="${mine.appointmentId}"]`);
    await row.getByRole('button', { name: `Start note for ${mine.patientName}` }).click();
    await page.waitForURL(/\/encounters\/[0-9a-f-]{36}$/);
    visit.encounterUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('encounter-status').textContent()).toBe('Open');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Visit note');
  });

  it('writes the note from a template with a quick text, vitals, codes and a follow-up', async () => {
    const watch = watchConsole(page);
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await expect.poll(() => textbox('Subjective').inputValue()).not.toBe('');

    const assessment = textbox('Assessment');
    await assessment.click();
    await assessment.press('End');
    await assessment.pressSequentially('Hypertension. .bpgoal');
    await assessment.press(' ');
    await expect(assessment.inputValue()).resolves.toContain('Hypertension. Blood pressure goal < 130/80. Home readings twice daily');
    await textbox('Plan').fill(`${XSS} Recheck **BP < 130/80** in 2 weeks.`);
    // Shown as Markdown once signed: rendered safely, markup typed into it stays text.
    await page.getByRole('radiogroup', { name: 'Note format' }).getByText('Markdown', { exact: true }).click();

    await textbox('BP systolic').fill('128');
    await textbox('BP diastolic').fill('82');
    await textbox('Heart rate').fill('72');
    await textbox('Weight').fill('180');
    await textbox('Height').fill('70');
    // 180 lb at 70 in: the server computes 25.8.
    await expect.poll(() => page.getByTestId('vital-bmi').textContent(), { timeout: 15_000 }).toBe('25.8');
    // An implausible value: the server's message under the field, nothing else lost.
    await textbox('Heart rate').fill('720');
    await expect.poll(() => textbox('Heart rate').getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Not saved — check the marked fields');
    await textbox('Heart rate').fill('72');

    await page.getByLabel('Add diagnosis (ICD-10-CM)').fill('E11.9');
    await page.getByRole('option', { name: /E11\.9/ }).waitFor();
    await page.getByLabel('Add diagnosis (ICD-10-CM)').press('Enter');
    await page.locator('[data-testid="diagnosis-row"][data-code="E11.9"]').waitFor();
    await page.getByLabel('Add procedure').fill('99213');
    await page.getByRole('option', { name: /99213/ }).waitFor();
    await page.getByLabel('Add procedure').press('Enter');
    await page.locator('[data-testid="procedure-row"][data-code="99213"]').waitFor();
    await page.getByRole('checkbox', { name: '99213 points to diagnosis 1 (E11.9)' }).check();

    await page.getByRole('checkbox', { name: 'Ask the front desk to book a follow-up' }).check();
    await page.getByRole('textbox', { name: /^In how many days/ }).fill('14');
    await page.getByRole('combobox', { name: 'Visit type' }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Follow-up', exact: true }).click();
    await saved();
    const stored = await getJson<{
      note: { format: string };
      vitals: { heartRate: number };
      diagnoses: { code: string }[];
      procedures: { diagnosisPointers: number[] }[];
    }>(`/api${visit.encounterUrl}`);
    expect(stored.vitals.heartRate).toBe(72);
    expect(stored.note.format).toBe('markdown');
    expect(stored.diagnoses.map((d) => d.code)).toEqual(['E11.9']);
    expect(stored.procedures[0]?.diagnosisPointers).toEqual([1]);

    await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
    await expect.poll(() => seriousViolations(page), { timeout: 10_000, interval: 300 }).toEqual([]);
    await shoot('encounter-draft');
    expect(watch.cspViolations()).toEqual([]);
  });

  it('signs with the password; the note is locked and stored markup shows as text', async () => {
    await page.getByTestId('sign-button').click();
    // A mistyped password is the form's answer: the dialog says so and the user stays signed in.
    await page.getByLabel('Your password').fill('not-my-password');
    await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByRole('dialog').getByText('That password is not right.').waitFor();
    expect(new URL(page.url()).pathname).toBe(visit.encounterUrl);
    await page.getByLabel('Your password').fill(DEMO_PASSWORD);
    await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByTestId('signed-banner').waitFor();
    await expect(page.getByTestId('encounter-status').textContent()).resolves.toBe('Signed');
    await expect(page.getByTestId('signed-by').textContent()).resolves.toMatch(/^Signed by Alice Morgan/);
    await expect(textbox('Subjective').count()).resolves.toBe(0);
    await expect(page.getByTestId('sign-button').count()).resolves.toBe(0);
    await expect(page.getByTestId('note-plan').textContent()).resolves.toContain(XSS);
    await expect(page.locator('[data-testid="note-plan"] strong').textContent()).resolves.toBe('BP < 130/80');
    expect(await page.locator('[data-testid="signed-note"] img').count()).toBe(0);

    await page.getByLabel('Add addendum').fill(`Lab result: ${XSS}`);
    await page.getByRole('button', { name: 'Sign and add addendum' }).click();
    await page
      .getByTestId('addendum')
      .filter({ hasText: `Lab result: ${XSS}` })
      .waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    const bill = await page.request.get(`/api${visit.encounterUrl}/superbill.pdf`);
    expect(bill.status()).toBe(200);
    expect(bill.headers()['content-type']).toContain('application/pdf');
    await shoot('encounter-signed');
  });

  it('keeps typing across an immediate reload (a note started from the chart)', async () => {
    await page.goto(`/patients?id=${visit.patientId}`);
    await page.getByRole('tab', { name: 'Encounters' }).click();
    await page.locator('[data-testid="encounter-row"][data-status="Signed"]').first().waitFor();
    await page.getByRole('button', { name: 'New encounter' }).click();
    await page.waitForURL(/\/encounters\/[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).not.toBe(visit.encounterUrl);
    const typed = 'Phone call: asks about home BP readings < 130/80';
    await textbox('Subjective').fill(typed);
    await page.reload();
    await expect.poll(() => textbox('Subjective').inputValue(), { timeout: 15_000 }).toBe(typed);
    await saved();
    await page.reload();
    await expect.poll(() => textbox('Subjective').inputValue(), { timeout: 15_000 }).toBe(typed);
    await expect(page.getByTestId('restored-notice').count()).resolves.toBe(0);

    // Someone else saves the plan meanwhile: this screen's next save is refused (412) and offers to reapply.
    const url = `/api${new URL(page.url()).pathname}`;
    const theirs = await page.request.get(url);
    const other = await page.request.patch(url, {
      data: { note: { plan: 'Nurse: BP recheck scheduled.' } },
      headers: { 'x-clinicdesk-csrf': '1', 'if-match': theirs.headers().etag ?? '' },
    });
    expect(other.status()).toBe(200);
    await textbox('Assessment').fill('Elevated home readings.');
    await page.getByTestId('conflict-banner').waitFor();
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Changed by someone else');
    await page.getByRole('button', { name: 'Reload theirs and reapply my changes' }).click();
    await saved();
    const merged = await getJson<{ note: { subjective: string; assessment: string; plan: string } }>(url);
    expect(merged.note).toMatchObject({ subjective: typed, assessment: 'Elevated home readings.', plan: 'Nurse: BP recheck scheduled.' });
    await expect(textbox('Plan').inputValue()).resolves.toBe('Nurse: BP recheck scheduled.');
  });

  it('books the follow-up from the worklist in three interactions', async () => {
    // The demo may hold another open follow-up for the same patient: this one is the signed plan's.
    const encounterId = visit.encounterUrl.split('/').pop();
    let mine: { id: string } | undefined;
    for (let cursor: string | null = ''; !mine && cursor !== null; ) {
      const batch: { items: { id: string; encounterId: string | null }[]; nextCursor: string | null } = await getJson(
        `/api/follow-ups?status=open&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      mine = batch.items.find((f) => f.encounterId === encounterId);
      cursor = batch.nextCursor;
    }
    if (!mine) throw new Error(`no open follow-up from ${visit.encounterUrl}`);
    await page.goto('/follow-ups');
    const row = page.locator(`[data-testid="follow-up-row"][data-follow-up-id="${mine.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: `Book follow-up for ${visit.name}` }).click(); // 1
    await page.getByRole('group', { name: 'Open times' }).getByRole('button').first().click(); // 2
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Book / })
      .click(); // 3
    await page.getByText(`${visit.name} is booked`).waitFor();
    await expect.poll(() => row.count()).toBe(0);
  });
});
