/**
 * Everyone's day on the first screen (issue 11): after sign-in each role lands on a home page
 * with its own tiles, and what the tiles count agrees with the API. Search reaches every record
 * a person should reach: "jose nunez" finds José Ñúñez, and a nurse in an emergency finds a
 * restricted record as a locked entry that opens the break-glass prompt, then the chart.
 * No CSP violations or console errors.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { signIn } from './helpers/sign-in.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(email: string) {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const watch = watchConsole(page);
  await signIn(page, email);
  return { context, page, watch };
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

type FlowItem = { status: string; busy: boolean; providerId: string; patientName: string };

/** The tile's count badge, once loaded. */
async function tileCount(page: Page, testId: string): Promise<number> {
  const badge = page.getByTestId(testId).getByLabel(/^\d+ items?$/);
  await badge.waitFor();
  return Number(await badge.textContent());
}

describe('home page per role', () => {
  it("shows the front desk today's arrivals, tomorrow's unconfirmed visits, bounced reminders and open offers", async () => {
    const { context, page, watch } = await as('front.desk@demo.clinicdesk.dev');
    await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Demo Front Desk$/ }).waitFor();
    const me = await json<{ locationId: string | null; locations: { id: string }[] }>(page, '/api/me');
    const locationId = me.locationId ?? me.locations[0]?.id;
    const board = await json<{ items: FlowItem[] }>(page, `/api/flow-board?locationId=${locationId}`);
    const today = board.items.filter((i) => !i.busy && !['cancelled', 'rescheduled'].includes(i.status));
    expect(await tileCount(page, 'tile-today')).toBe(today.length);
    expect(today.length).toBeGreaterThan(0);

    // The demo practice has two bounced reminders this week: listed with the patient, one click from the chart.
    const undelivered = await json<{ items: { patientId: string; patientName: string }[] }>(page, '/api/messages/undelivered');
    expect(undelivered.items).toHaveLength(2);
    expect(await tileCount(page, 'tile-undelivered')).toBe(2);
    const first = undelivered.items[0] as { patientId: string; patientName: string };
    await page
      .getByTestId('tile-unconfirmed')
      .getByLabel(/^\d+ items?$/)
      .waitFor();
    await page
      .getByTestId('tile-offers')
      .getByLabel(/^\d+ items?$/)
      .waitFor();
    await page.getByTestId('tile-undelivered').getByRole('link', { name: first.patientName }).first().click();
    await page.waitForURL(`**/patients?id=${first.patientId}`);
    await page.getByTestId('chart-header').waitFor();

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('shows a clinician their own patients today, and a biller the billing queues instead of the front desk tiles', async () => {
    const clinician = await as('clinician@demo.clinicdesk.dev');
    const me = await json<{ user: { providerId: string }; locationId: string | null; locations: { id: string }[] }>(
      clinician.page,
      '/api/me',
    );
    const locationId = me.locationId ?? me.locations[0]?.id;
    const board = await json<{ items: FlowItem[] }>(clinician.page, `/api/flow-board?locationId=${locationId}`);
    const mine = board.items.filter(
      (i) => !i.busy && !['cancelled', 'rescheduled'].includes(i.status) && i.providerId === me.user.providerId,
    );
    await clinician.page.getByRole('heading', { name: 'My patients today' }).waitFor();
    expect(await tileCount(clinician.page, 'tile-my-patients')).toBe(mine.length);
    expect(await clinician.page.getByTestId('tile-today').count()).toBe(0);
    expect(clinician.watch.problems).toEqual([]);
    await clinician.context.close();

    const biller = await as('biller@demo.clinicdesk.dev');
    await biller.page.getByTestId('tile-billing').getByRole('heading', { name: 'Billing queues' }).waitFor();
    expect(await biller.page.getByTestId('tile-today').count()).toBe(0);
    expect(await biller.page.getByTestId('tile-my-patients').count()).toBe(0);
    expect(biller.watch.problems).toEqual([]);
    await biller.context.close();
  });
});

/** Registers through the API with the signed-in page's session. */
async function register(page: Page, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await page.request.post('/api/patients', {
    headers: { 'x-clinicdesk-csrf': '1' },
    data: { confirmNotDuplicate: true, ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function searchFor(page: Page, q: string) {
  await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByTestId('patient-search').fill(q);
  return page.getByTestId('patient-results');
}

describe('search', () => {
  it('finds accented names typed plainly, and leads a nurse from a locked entry through break-glass to the chart', async () => {
    const desk = await newContext(browser, server.url);
    const deskPage = await desk.newPage();
    await signIn(deskPage, 'front.desk@demo.clinicdesk.dev');
    await register(deskPage, { givenName: 'José', familyName: 'Ñúñez', birthDate: '1971-04-02' });
    // Registered restricted by the clerk: the clerk is on its care team, the nurse is not.
    const hidden = await register(deskPage, { givenName: 'Ingrid', familyName: 'Vasquez-Lind', birthDate: '1966-10-10', restricted: true });

    const results = await searchFor(deskPage, 'jose nunez');
    await results.getByRole('button', { name: 'Ñúñez, José' }).waitFor();
    await desk.close();

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    // The chart answers 404 until the glass is broken: that load is expected.
    const watch = watchConsole(page, [401, 404]);
    await signIn(page, 'nurse@demo.clinicdesk.dev');
    const found = await searchFor(page, 'vasquez ingrid');
    const entry = found.getByRole('button', { name: /Vasquez-Lind, Ingrid: restricted record/ });
    await entry.waitFor();
    await found.getByTestId('locked-entry').waitFor();
    // Who, not what: no phone on a locked entry.
    expect(await found.getByRole('row').nth(1).textContent()).not.toMatch(/\(\d{3}\)/);
    await entry.click();
    await page.waitForURL(`**/patients?id=${hidden.id}`);
    await page.getByRole('button', { name: 'This may be a restricted record: break the glass' }).click();
    await page.getByRole('textbox', { name: 'Reason', exact: true }).fill('patient collapsed in the waiting room');
    await page.getByRole('button', { name: 'Break the glass and open the chart' }).click();
    await page
      .getByTestId('chart-header')
      .getByRole('heading', { name: /Vasquez-Lind, Ingrid/ })
      .waitFor();

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});

describe('visits on the chart', () => {
  it('lists a patient’s visits and books a follow-up from the chart with the patient already chosen', async () => {
    const context = await newContext(browser, server.url, 1400, 1000);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    const patient = await register(page, { givenName: 'Philippa', familyName: 'Upton-Marsh', birthDate: '1958-08-08' });
    await page.goto(`/patients?id=${patient.id}`);
    await page.getByRole('tab', { name: 'Visits' }).click();
    const visits = page.getByTestId('patient-visits');
    await visits.getByText('No upcoming visit.').waitFor();
    await visits.getByRole('button', { name: 'Book follow-up' }).click();
    await page.waitForURL(`**/schedule?bookFor=${patient.id}`);
    await page.getByTestId('booking-for').getByText('For Philippa Upton-Marsh').waitFor();

    await page
      .locator('input')
      .and(page.getByLabel('Type', { exact: true }))
      .click();
    await page.getByRole('option', { name: 'Annual physical' }).first().click();
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByTestId('slot-list').getByRole('button').first().click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog
      .getByTestId('picked-patient')
      .getByText(/Philippa Upton-Marsh/)
      .waitFor();
    const booking = page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    const booked = await booking;
    expect(booked.status()).toBe(201);
    expect(((await booked.json()) as { patientId: string }).patientId).toBe(patient.id);

    await page.goto(`/patients?id=${patient.id}`);
    await page.getByRole('tab', { name: 'Visits' }).click();
    await page.getByRole('table', { name: 'Upcoming' }).getByText('Annual physical').waitFor();
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
