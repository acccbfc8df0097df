/**
 * The schedule and patient-flow journey in Chromium against a real server with the demo
 * practice: front desk books through "next available", drags the visit to another time,
 * then checks the patient in on the flow board (alerts and insurance dialog), rooms them
 * and checks them out; a second browser sees each change live. Statuses are verified
 * through the API at the end, and no page may break the CSP.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { DEMO_PASSWORD, signIn } from './helpers/sign-in.ts';

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

interface Appt {
  id: string;
  patientId: string;
  patientName: string;
  providerId: string;
  start: string;
  end: string;
  status: string;
  rescheduledToId: string | null;
}

/** The office manager's session over plain HTTP, for set-up the front desk may not do. */
async function managerApi() {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'office.manager@demo.clinicdesk.dev', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return (method: string, url: string, body?: unknown) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, 'x-clinicdesk-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

const localDate = (instant: number | string, zone: string) => new Date(instant).toLocaleDateString('en-CA', { timeZone: zone });

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Choose `option` in the Mantine Select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('schedule and patient flow', () => {
  it('books via next available, drags to reschedule, checks in, rooms and checks out, live in a second browser', async () => {
    const context = await newContext(browser, server.url, 1400, 1500);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    // The journey books, moves and checks out a visit today: at the location whose day has the
    // most time left (late in the evening in Denver, the next open slot is tomorrow's).
    const locations = await getJson<{ items: { id: string; timeZone: string }[] }>(page, '/api/locations');
    const minutesLeft = (zone: string) => {
      const [h, m] = new Date().toLocaleTimeString('en-GB', { timeZone: zone, hourCycle: 'h23' }).split(':').map(Number);
      return 24 * 60 - ((h as number) * 60 + (m as number));
    };
    const chosen = locations.items.reduce((a, b) => (minutesLeft(b.timeZone) > minutesLeft(a.timeZone) ? b : a));
    await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), chosen.id);
    await page.goto('/schedule');
    await page.getByTestId('schedule-zone').waitFor();
    const locationId = (await page.evaluate(() => sessionStorage.getItem('clinicdesk.locationId'))) as string;
    expect(locationId).toBe(chosen.id);
    const zone = chosen.timeZone;
    expect(await page.getByTestId('schedule-zone').textContent()).toBe(`Times in ${zone}`);
    const today = localDate(Date.now(), zone);

    // Whatever the hour of the run, today has open time: extra hours for the location's providers.
    const manage = await managerApi();
    const templates = await getJson<{ items: { providerId: string }[] }>(page, `/api/availability-templates?locationId=${locationId}`);
    const providerIds = [...new Set(templates.items.map((t) => t.providerId))];
    for (const providerId of providerIds) {
      const res = await manage('POST', '/api/availability-exceptions', {
        kind: 'extra_hours',
        providerId,
        locationId,
        startDate: today,
        startTime: '00:00',
        endTime: '23:59',
        reason: 'e2e evening clinic',
      });
      expect(res.status).toBe(201);
    }

    // Next available: the earliest open Annual physical (any patient: new-vs-established rules do not apply), one click to the booking form.
    await choose(page, 'Type', 'Annual physical');
    await page.getByRole('button', { name: 'Find' }).click();
    const firstSlot = page.getByTestId('slot-list').getByRole('button').first();
    await firstSlot.click();
    const dialog = page.getByRole('dialog', { name: 'Book appointment' });
    await dialog.waitFor();
    const someone = (
      await getJson<{ items: { patientName: string; patientId: string }[] }>(page, `/api/flow-board?locationId=${locationId}`)
    ).items.find((i) => !i.patientName.startsWith('Restricted'));
    expect(someone).toBeDefined();
    const family = someone?.patientName.split(' ').slice(-1)[0] as string;
    await dialog.getByTestId('booking-patient-search').fill(family);
    await dialog
      .getByRole('button', { name: new RegExp(`^${family}, `) })
      .first()
      .click();
    await dialog.getByTestId('picked-patient').waitFor();
    const bookingResponse = page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    const booked = (await (await bookingResponse).json()) as Appt;
    expect(booked.status).toBe('scheduled');
    await dialog.waitFor({ state: 'hidden' });
    expect(localDate(booked.start, zone)).toBe(today);

    // Drag it to a later open time of the same provider, the same day: the demo's clinic day may
    // be booked solid for hours after the first open slot, so look to the day's end (the extra hours).
    const free = await getJson<{ items: { start: string }[] }>(
      page,
      `/api/availability?appointmentTypeId=${(await getJson<{ items: { id: string; name: string }[] }>(page, '/api/appointment-types')).items.find((t) => t.name === 'Annual physical')?.id}&providerId=${booked.providerId}&locationId=${locationId}&from=${encodeURIComponent(booked.end)}&to=${encodeURIComponent(new Date(Date.parse(booked.end) + 24 * 3_600_000).toISOString())}&limit=50`,
    );
    const target = free.items.find((s) => localDate(s.start, zone) === today);
    expect(target, 'an open time later today').toBeDefined();
    const event = page.locator('.rbc-event', { has: page.locator(`[data-appointment-id="${booked.id}"]`) });
    await event.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await event.boundingBox()) as { x: number; y: number; width: number; height: number };
    const perMinute = box.height / ((Date.parse(booked.end) - Date.parse(booked.start)) / 60_000);
    const dy = ((Date.parse(target?.start as string) - Date.parse(booked.start)) / 60_000) * perMinute;
    const x = box.x + box.width / 2;
    await page.mouse.move(x, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(x, box.y + 12, { steps: 4 });
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${booked.id}/reschedule`));
    await page.mouse.move(x, box.y + 4 + dy + 2, { steps: 12 });
    await page.mouse.up();
    const movedRes = await moved;
    expect(movedRes.status()).toBe(201);
    const rescheduled = (await movedRes.json()) as Appt;
    expect(rescheduled.start).toBe(target?.start);
    await page.locator(`[data-appointment-id="${rescheduled.id}"]`).waitFor();

    // Keyboard: events are focusable and Enter opens one.
    await page.locator(`.rbc-event:has([data-appointment-id="${rescheduled.id}"])`).focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: rescheduled.patientName });
    await expect(details.getByTestId('appointment-status').textContent()).resolves.toBe('scheduled');
    await page.keyboard.press('Escape');

    // A second browser watches the flow board.
    const watcherContext = await newContext(browser, server.url);
    const watcher = await watcherContext.newPage();
    const watcherConsole = watchConsole(watcher);
    await signIn(watcher, 'nurse@demo.clinicdesk.dev');
    await watcher.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), locationId);
    await watcher.goto('/flow');
    await watcher.getByTestId('flow-live').getByText('Live').waitFor();
    const watchedRow = watcher.locator(`[data-appointment-id="${rescheduled.id}"]`);

    // Flow board: one-click check-in, the desk dialog, room, with provider, check out.
    await page.getByRole('link', { name: 'Flow board' }).click();
    await page.getByTestId('flow-live').getByText('Live').waitFor();
    const row = page.locator(`[data-appointment-id="${rescheduled.id}"]`);
    await row.getByRole('button', { name: 'Check in' }).click();
    const desk = page.getByTestId('check-in-dialog');
    await desk.waitFor();
    await desk.getByLabel('Insurance confirmed with the patient (card seen)').check();
    await desk.getByLabel('Address, phone and email confirmed').check();
    await desk.getByRole('button', { name: 'Confirmed' }).click();
    await desk.waitFor({ state: 'hidden' });
    await row.and(page.locator('[data-status="arrived"]')).waitFor();
    await watchedRow.and(watcher.locator('[data-status="arrived"]')).waitFor({ timeout: 5_000 });

    // A free room when there is one (free rooms are listed first); a shared one asks first.
    await row.getByRole('combobox', { name: /^Room for/ }).click();
    await page.getByRole('option').first().click();
    await row.getByRole('button', { name: /^Room / }).click();
    const roomed = row.and(page.locator('[data-status="roomed"]'));
    const share = page.getByRole('button', { name: / there too$/ });
    await roomed.or(share).first().waitFor();
    if (await share.isVisible()) await share.click();
    await roomed.waitFor();
    await watchedRow.and(watcher.locator('[data-status="roomed"]')).waitFor({ timeout: 5_000 });
    await row.getByRole('button', { name: /^With provider/ }).click();
    await row.and(page.locator('[data-status="with_provider"]')).waitFor();
    await row.getByRole('button', { name: /^Check out/ }).click();
    await row.and(page.locator('[data-status="checked_out"]')).waitFor();
    await watchedRow.and(watcher.locator('[data-status="checked_out"]')).waitFor({ timeout: 5_000 });

    // The API agrees.
    const old = await getJson<Appt>(page, `/api/appointments/${booked.id}`);
    expect(old).toMatchObject({ status: 'rescheduled', rescheduledToId: rescheduled.id });
    const done = await getJson<Appt & { events: { toStatus: string }[]; roomId: string | null }>(
      page,
      `/api/appointments/${rescheduled.id}`,
    );
    expect(done.status).toBe('checked_out');
    expect(done.roomId).not.toBeNull();
    expect(done.events.map((e) => e.toStatus)).toEqual(['scheduled', 'arrived', 'roomed', 'with_provider', 'checked_out']);

    expect(watch.cspViolations()).toEqual([]);
    expect(watcherConsole.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await watcherContext.close();
    await context.close();
  });
});
