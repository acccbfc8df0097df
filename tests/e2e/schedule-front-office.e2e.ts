/**
 * The front office in a person's hands (issue 11, scheduling items 1, 3, 5 and 11) in Chromium
 * with the demo practice:
 * - a drag to another provider asks first (old → new, a reason), and the notice's Undo moves
 *   the visit back (If-Match of the move's answer);
 * - cancelling needs a chosen reason and a confirmation, then offers rebooking and the waiting
 *   list; the cancelled visit stays on the calendar, marked; Reschedule works from the keyboard;
 * - saving time off lists the booked visits it falls on, each rescheduled or cancelled from
 *   there; the calendar shades the time off and says so in the provider's header.
 * Every result is checked through the API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { DEMO_PASSWORD, signIn } from './helpers/sign-in.ts';

let server: TestServer;
let browser: Browser;
let call: Awaited<ReturnType<typeof managerApi>>;
let locationId: string;
let zone: string;
let physicalId: string;
let providerIds: string[];
let patients: { id: string; name: string }[];

interface Appt {
  id: string;
  patientId: string;
  patientName: string;
  providerId: string;
  start: string;
  end: string;
  status: string;
  version: number;
  rescheduledToId: string | null;
  cancelReason: string | null;
  events?: { toStatus: string; details: Record<string, unknown> | null }[];
}

const DAY = 86_400_000;
const localDate = (instant: number | string) => new Date(instant).toLocaleDateString('en-CA', { timeZone: zone });

/** The office manager's session over plain HTTP. */
async function managerApi() {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'office.manager@demo.clinicdesk.dev', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return async <T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, 'x-clinicdesk-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as T };
  };
}

async function slots(providerId: string, from: number, to: number, limit = 200) {
  const q = new URLSearchParams({
    appointmentTypeId: physicalId,
    providerId,
    locationId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    limit: String(limit),
  });
  const res = await call<{ items: { start: string; providerId: string }[] }>('GET', `/api/availability?${q}`);
  expect(res.status).toBe(200);
  return res.json.items;
}

let patientIndex = 0;
async function book(providerId: string, start: string): Promise<Appt> {
  const patient = patients[patientIndex++ % patients.length] as { id: string };
  const res = await call<Appt>('POST', '/api/appointments', {
    patientId: patient.id,
    providerId,
    appointmentTypeId: physicalId,
    locationId,
    start,
    notes: '',
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

const get = async (id: string) => (await call<Appt>('GET', `/api/appointments/${id}`)).json;

async function openSchedule(opts: { tomorrow?: boolean } = {}, email = 'front.desk@demo.clinicdesk.dev') {
  const context = await newContext(browser, server.url, 1500, 1300);
  const page = await context.newPage();
  const watch = watchConsole(page);
  await signIn(page, email);
  await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), locationId);
  await page.goto('/schedule');
  await page.getByTestId('schedule-zone').waitFor();
  if (opts.tomorrow) {
    const today = await page.getByTestId('schedule-date').textContent();
    await page.locator('body').press('n');
    await expect.poll(() => page.getByTestId('schedule-date').textContent()).not.toBe(today);
  }
  return { context, page, watch };
}

const eventOf = (page: Page, id: string) => page.locator('.rbc-event', { has: page.locator(`[data-appointment-id="${id}"]`) });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  call = await managerApi();
  const me = await call<{ locations: { id: string }[] }>('GET', '/api/me');
  const locations = await call<{ items: { id: string; timeZone: string }[] }>('GET', '/api/locations');
  locationId = (me.json.locations?.[0]?.id ?? locations.json.items[0]?.id) as string;
  zone = locations.json.items.find((l) => l.id === locationId)?.timeZone as string;
  physicalId = (await call<{ items: { id: string; name: string }[] }>('GET', '/api/appointment-types')).json.items.find(
    (t) => t.name === 'Annual physical',
  )?.id as string;
  const templates = await call<{ items: { providerId: string }[] }>('GET', `/api/availability-templates?locationId=${locationId}`);
  providerIds = [...new Set(templates.json.items.map((t) => t.providerId))];
  expect(providerIds.length).toBeGreaterThanOrEqual(2);
  const list = await call<{ items: { id: string; givenName: string; familyName: string; restricted: boolean }[] }>(
    'GET',
    '/api/patients?limit=60',
  );
  patients = list.json.items.filter((p) => !p.restricted).map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` }));
  expect(patients.length).toBeGreaterThan(10);
  // Whatever the hour of the run, today and tomorrow have open time: extra hours for the location's providers.
  // Tests work tomorrow (local), so the hour of the run never leaves too little of the day.
  const today = localDate(Date.now());
  for (const providerId of providerIds) {
    const res = await call('POST', '/api/availability-exceptions', {
      kind: 'extra_hours',
      providerId,
      locationId,
      startDate: today,
      endDate: localDate(Date.now() + DAY),
      startTime: '00:00',
      endTime: '23:59',
      reason: 'e2e evening clinic',
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the front office in a person’s hands', () => {
  it('a drag to another provider asks first (old → new, reason); Undo moves it back; rooms view stacks overlaps', async () => {
    const now = Date.now();
    const [a, b] = providerIds as [string, string];
    const tomorrow = localDate(now + DAY);
    const openB = new Set((await slots(b, now, now + 2 * DAY)).map((s) => s.start));
    const shared = (await slots(a, now, now + 2 * DAY)).find((s) => openB.has(s.start) && localDate(s.start) === tomorrow);
    expect(shared, 'a time open for both providers tomorrow').toBeDefined();
    const visit = await book(a, shared?.start as string);

    const { context, page, watch } = await openSchedule({ tomorrow: true });
    const event = eventOf(page, visit.id);
    await event.waitFor();
    await event.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await event.boundingBox()) as { x: number; y: number; width: number; height: number };
    const headers = await page.locator('.rbc-time-header .rbc-row-resource .rbc-header').allTextContents();
    const names = (await call<{ items: { id: string; givenName: string; familyName: string }[] }>('GET', '/api/providers')).json.items;
    const nameOf = (id: string) => {
      const p = names.find((x) => x.id === id);
      return `${p?.givenName} ${p?.familyName}`;
    };
    const colA = headers.findIndex((h) => h.includes(nameOf(a)));
    const colB = headers.findIndex((h) => h.includes(nameOf(b)));
    expect(colA).toBeGreaterThanOrEqual(0);
    const columnB = (await page.locator('.rbc-time-content .rbc-day-slot').nth(colB).boundingBox()) as { x: number; width: number };

    const y = box.y + 4;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 10, y, { steps: 4 });
    await page.mouse.move(columnB.x + columnB.width / 2, y, { steps: 12 });
    await page.mouse.up();

    // Nothing moves before the confirmation.
    const confirm = page.getByTestId('move-confirm');
    await confirm.waitFor();
    expect(await confirm.getByTestId('move-old-provider').textContent()).toContain(nameOf(a));
    expect(await confirm.getByTestId('move-new-provider').textContent()).toContain(nameOf(b));
    expect((await get(visit.id)).status).toBe('scheduled');
    await confirm.getByRole('button', { name: 'Move visit' }).click();
    await confirm.getByText('Say why the visit moves').waitFor();
    await confirm.getByLabel('Reason for the move').fill('Dr. away this afternoon');
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${visit.id}/reschedule`));
    await confirm.getByRole('button', { name: 'Move visit' }).click();
    const movedRes = await moved;
    expect(movedRes.status()).toBe(201);
    expect(movedRes.request().headers()['if-match']).toBe(`"${visit.version}"`);
    const after = (await movedRes.json()) as Appt;
    expect(after).toMatchObject({ providerId: b, start: visit.start });
    const history = (await get(visit.id)).events ?? [];
    expect(history.at(-1)?.details).toMatchObject({ note: 'Dr. away this afternoon' });

    // Undo from the notice: back to the first provider, from the version the move answered.
    const notice = page.getByTestId('moved-notice');
    await notice.waitFor();
    const undone = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${after.id}/reschedule`));
    await notice.getByRole('button', { name: 'Undo' }).click();
    const undoRes = await undone;
    expect(undoRes.status()).toBe(201);
    expect(undoRes.request().headers()['if-match']).toBe(`"${after.version}"`);
    const back = (await undoRes.json()) as Appt;
    expect(back).toMatchObject({ providerId: a, start: visit.start, status: 'scheduled' });
    await eventOf(page, back.id).waitFor();

    // The rooms view: two visits at once with no room are one readable block, not two slivers.
    const beside = await book(b, visit.start);
    // Booked outside this page: load the day again.
    const day = await page.getByTestId('schedule-date').textContent();
    await page.reload();
    await page.getByTestId('schedule-zone').waitFor();
    await page.locator('body').press('n');
    await expect.poll(() => page.getByTestId('schedule-date').textContent()).toBe(day);
    await page.locator('body').press('r');
    const stack = page.locator('.rbc-event.room-stack', {
      has: page.locator(`[data-appointment-id="${back.id}"], [data-stack-ids~="${back.id}"]`),
    });
    await stack.waitFor();
    expect(await stack.locator('.stack-label').textContent()).toMatch(/^\d+ visits/);
    await stack.click();
    const listed = page.getByTestId('room-stack');
    await listed
      .getByRole('button', { name: new RegExp(beside.patientName) })
      .first()
      .click();
    await page.getByRole('dialog', { name: beside.patientName }).getByTestId('appointment-status').waitFor();
    await page.keyboard.press('Escape');
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('cancel asks for a reason and confirmation, then offers rebooking and the waiting list; reschedule works from the keyboard', async () => {
    const now = Date.now();
    const [a] = providerIds as [string];
    const open = (await slots(a, now, now + 2 * DAY)).filter((s) => localDate(s.start) === localDate(now + DAY));
    expect(open.length).toBeGreaterThanOrEqual(8);
    const toCancel = await book(a, open[0]?.start as string);
    const toRebook = await book(a, open[3]?.start as string);
    const toMove = await book(a, open[6]?.start as string);
    const waiting = patients[patients.length - 1] as { id: string; name: string };
    const entry = await call<{ id: string }>('POST', '/api/waitlist', {
      patientId: waiting.id,
      appointmentTypeId: physicalId,
      earliestDate: localDate(now),
      latestDate: localDate(now + 7 * DAY),
    });
    expect(entry.status).toBe(201);

    const { context, page, watch } = await openSchedule({ tomorrow: true });
    await eventOf(page, toCancel.id).click();
    let dialog = page.getByRole('dialog', { name: toCancel.patientName });
    await dialog.getByTestId('chart-link').waitFor();
    expect(await dialog.getByTestId('chart-link').getAttribute('href')).toBe(`/patients?id=${toCancel.patientId}`);
    await dialog.getByRole('button', { name: 'Cancel visit…' }).click();
    const yes = dialog.getByRole('button', { name: 'Yes, cancel the visit' });
    // No reason is chosen for the user: the confirmation waits for one.
    expect(await yes.isDisabled()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Why is the visit cancelled?' }).click();
    await page.getByRole('option', { name: 'Weather' }).click();
    await yes.click();
    await dialog.getByTestId('cancelled-panel').waitFor();
    expect(await get(toCancel.id)).toMatchObject({ status: 'cancelled', cancelReason: 'weather' });
    // The calendar keeps the cancelled visit, marked in words as well as style.
    await eventOf(page, toCancel.id).and(page.locator('.status-cancelled')).waitFor();
    expect(await eventOf(page, toCancel.id).textContent()).toContain('Cancelled');

    await dialog.getByRole('button', { name: 'Offer to waiting list' }).click();
    const offer = dialog.getByTestId('waitlist-offer');
    await offer.getByRole('button', { name: new RegExp(`^Book ${waiting.name} into`) }).click();
    await dialog.waitFor({ state: 'hidden' });
    const entries = await call<{ items: { id: string; status: string; appointmentId: string | null }[] }>(
      'GET',
      `/api/waitlist?status=booked&patientId=${waiting.id}`,
    );
    const booked = entries.json.items.find((e) => e.id === entry.json.id);
    expect(booked?.status).toBe('booked');
    expect((await get(booked?.appointmentId as string)).start).toBe(toCancel.start);

    // Rebook: a cancelled visit's patient, from the next open times, into the booking form already filled.
    await eventOf(page, toRebook.id).click();
    dialog = page.getByRole('dialog', { name: toRebook.patientName });
    await dialog.getByRole('button', { name: 'Cancel visit…' }).click();
    await dialog.getByRole('combobox', { name: 'Why is the visit cancelled?' }).click();
    await page.getByRole('option', { name: 'Patient asked' }).click();
    await dialog.getByRole('button', { name: 'Yes, cancel the visit' }).click();
    await dialog.getByRole('button', { name: `Rebook ${toRebook.patientName}` }).click();
    await dialog
      .getByTestId('next-times')
      .getByRole('button', { name: /^Book / })
      .first()
      .click();
    const booking = page.getByRole('dialog', { name: 'Book appointment' });
    await booking.getByTestId('picked-patient').waitFor();
    const rebooked = page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST');
    await booking.getByRole('button', { name: 'Book', exact: true }).click();
    const rebookedRes = await rebooked;
    expect(rebookedRes.status()).toBe(201);
    expect(((await rebookedRes.json()) as Appt).patientId).toBe(toRebook.patientId);

    // Reschedule from the keyboard: focus the visit, Enter, Tab to Reschedule…, Enter, pick the first time.
    await booking.waitFor({ state: 'hidden' });
    await eventOf(page, toMove.id).focus();
    await page.keyboard.press('Enter');
    dialog = page.getByRole('dialog', { name: toMove.patientName });
    const reschedule = dialog.getByRole('button', { name: 'Reschedule…' });
    await reschedule.waitFor();
    for (let i = 0; i < 12 && !(await reschedule.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const firstTime = dialog
      .getByTestId('next-times')
      .getByRole('button', { name: /^Move to / })
      .first();
    await firstTime.waitFor();
    await firstTime.focus();
    const moving = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${toMove.id}/reschedule`));
    await page.keyboard.press('Enter');
    expect((await moving).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    expect((await get(toMove.id)).status).toBe('rescheduled');

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('saving time off lists the booked visits it falls on, to reschedule or cancel; the calendar shades it', async () => {
    const b = providerIds[1] as string;
    const ahead = Date.now() + 21 * DAY;
    const open = await slots(b, ahead, ahead + 14 * DAY);
    // The first day with four free slots (late in the day the first slots found are that day's last).
    const day = [...new Set(open.map((s) => localDate(s.start)))].find((d) => open.filter((s) => localDate(s.start) === d).length >= 4);
    if (!day) throw new Error('no day in the next two weeks has four free slots');
    const sameDay = open.filter((s) => localDate(s.start) === day);
    expect(sameDay.length).toBeGreaterThanOrEqual(4);
    const first = await book(b, sameDay[0]?.start as string);
    const second = await book(b, sameDay[3]?.start as string);

    const context = await newContext(browser, server.url, 1500, 1300);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'office.manager@demo.clinicdesk.dev');
    await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), locationId);
    await page.goto('/schedule/setup');
    const providers = (await call<{ items: { id: string; givenName: string; familyName: string }[] }>('GET', '/api/providers')).json.items;
    const provider = providers.find((p) => p.id === b) as { givenName: string; familyName: string };
    await page.getByRole('combobox', { name: 'Provider', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(`^${provider.givenName} ${provider.familyName}`) }).click();
    await page.getByLabel('From date').fill(day);
    await page.getByLabel('To date').fill(day);
    await page.getByLabel('Reason').fill('Conference');
    await page.getByRole('button', { name: 'Add exception' }).click();
    const panel = page.getByTestId('time-off-collisions');
    await panel.getByText('2 booked visits fall on this time').waitFor();

    await panel.getByRole('button', { name: `Cancel ${first.patientName}` }).click();
    await panel.getByRole('combobox', { name: `Reason for cancelling ${first.patientName}` }).click();
    await page.getByRole('option', { name: 'Provider unavailable' }).click();
    await panel.getByRole('button', { name: 'Confirm cancel' }).click();
    await panel.getByText('1 booked visit falls on this time').waitFor();
    expect(await get(first.id)).toMatchObject({ status: 'cancelled', cancelReason: 'provider' });

    await panel.getByRole('button', { name: `Reschedule ${second.patientName}` }).click();
    const times = page.getByRole('dialog', { name: `Reschedule ${second.patientName}` }).getByTestId('next-times');
    await times.getByRole('checkbox').check();
    const target = times.getByRole('button', { name: /^Move to / }).first();
    await target.waitFor();
    const moving = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/${second.id}/reschedule`));
    await target.click();
    expect((await moving).status()).toBe(201);
    await panel.getByText('No booked visits fall on this time').waitFor();
    expect((await get(second.id)).status).toBe('rescheduled');

    // The calendar that day: the provider's column says "Off" and its slots are shaded as time off.
    await page.goto('/schedule');
    await page.getByTestId('schedule-zone').waitFor();
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const label = new Date(y, m - 1, d).toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    for (let i = 0; i < 40 && (await page.getByTestId('schedule-date').textContent()) !== label; i++) await page.locator('body').press('n');
    expect(await page.getByTestId('schedule-date').textContent()).toBe(label);
    await page.getByTestId('resource-off').getByText('Conference').waitFor();
    expect(await page.locator('.rbc-time-slot.slot-time-off').count()).toBeGreaterThan(10);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
