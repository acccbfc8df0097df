/**
 * Room occupancy on the flow board (issue 11, item 10: "put a third patient into an occupied
 * Exam A without a word"), in Chromium against a real server with the demo practice. The desk
 * rooms patient A; the same desk on a phone (390x844) then rooms patient B into A's room:
 * - the "Rooms" strip lists each room with who is in it now, or "free", on both layouts;
 * - the room picker names each room's occupants, free rooms first, inside the phone's window;
 * - an occupied room asks before the patient is sent (Cancel sends nothing), and confirming
 *   rooms the second patient there too: nothing is refused;
 * - axe finds nothing serious with the strip and the question on screen; no sideways scroll on the phone.
 * Two visits are needed: late in the demo day only no-shows can still be checked in.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
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

async function open(width = 1280, height = 800): Promise<Page> {
  const context = await newContext(browser, server.url, width, height);
  return context.newPage();
}

interface Visit {
  status: string;
  roomId: string | null;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** No serious or critical axe violation once transitions have ended (polled; the last answer is reported). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  await expect.poll(() => seriousViolations(page), { timeout: 10_000, interval: 300, message: where }).toEqual([]);
}

const row = (page: Page, id: string) => page.locator(`[data-testid="flow-row"][data-appointment-id="${id}"]`);
const roomPicker = (page: Page, id: string) => row(page, id).getByRole('combobox', { name: /^Room for / });

/** Ids of `n` visits waiting for a room (status arrived), checking in booked visits as needed. */
async function readyToRoom(page: Page, n: number): Promise<string[]> {
  const waiting = () => page.locator('[data-testid="flow-row"][data-status="arrived"]:has([data-flow-action="room"])');
  while ((await waiting().count()) < n) {
    const next = page.locator('[data-testid="flow-row"]:has([data-flow-action="check-in"])').first();
    const id = (await next.getAttribute('data-appointment-id')) ?? '';
    await next.locator('[data-flow-action="check-in"]').click();
    const desk = page.getByTestId('check-in-dialog');
    await desk.waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Later' }).click();
    await desk.waitFor({ state: 'hidden' });
    await page.locator(`[data-appointment-id="${id}"][data-status="arrived"]`).waitFor();
  }
  return waiting().evaluateAll((rows, count) => rows.slice(0, count).map((r) => r.getAttribute('data-appointment-id') ?? ''), n);
}

/** The patient's name as the room picker says it ("Room for Maria Lopez"). */
async function patientOf(page: Page, id: string): Promise<string> {
  return ((await roomPicker(page, id).getAttribute('aria-label')) ?? '').replace(/^Room for /, '');
}

/** The strip's rooms: name, whether offered, how many are in it, and who (appointment ids). */
function strip(page: Page) {
  return page.getByTestId('flow-room').evaluateAll((rooms) =>
    rooms.map((r) => ({
      name: r.getAttribute('data-room-name') ?? '',
      active: r.getAttribute('data-active') === 'true',
      occupants: Number(r.getAttribute('data-occupants')),
      who: [...r.querySelectorAll('[data-testid="flow-room-occupant"]')].map((o) => o.getAttribute('data-appointment-id')),
      text: r.textContent ?? '',
    })),
  );
}

/** Open a visit's room picker; answers the options' texts in order. */
async function openPicker(page: Page, id: string): Promise<string[]> {
  await roomPicker(page, id).click();
  await page.getByRole('option').first().waitFor();
  return page.getByRole('option').allTextContents();
}

const occupiedCount = (option: string) => {
  if (option.endsWith(' — free')) return 0;
  return Number(/ — (\d+) patients? \(/.exec(option)?.[1] ?? Number.NaN);
};

describe('room occupancy on the flow board', () => {
  it('shows who is in each room, asks before a second patient joins, and rooms them there on confirmation', async () => {
    const desk = await open();
    const watch = watchConsole(desk);
    await signIn(desk, 'front.desk@demo.clinicdesk.dev');
    await desk.goto('/flow');
    await desk.getByTestId('flow-live').getByText('Live').waitFor();
    await desk.getByRole('region', { name: 'Rooms' }).waitFor();

    // The strip agrees with the board: every roomed or with-provider visit is listed in its room.
    const before = await strip(desk);
    expect(before.length).toBeGreaterThan(0);
    const inRooms = await desk
      .locator('[data-testid="flow-row"][data-status="roomed"], [data-testid="flow-row"][data-status="with_provider"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-appointment-id')).sort());
    expect(before.flatMap((r) => r.who).sort()).toEqual(inRooms);
    for (const r of before) {
      if (r.occupants === 0) expect(r.text).toBe(`${r.name}free`);
      else expect(r.text).toMatch(/here \d+ min/);
    }

    const [a = '', b = ''] = await readyToRoom(desk, 2);
    const nameA = await patientOf(desk, a);
    // The least occupied room (free if there is one): the one the picker offers first.
    const target = [...before].filter((r) => r.active).sort((x, y) => x.occupants - y.occupants)[0];
    if (!target) throw new Error('no room at this location');
    const prior = target.occupants;
    const optionFor = (page: Page, name: string) => page.getByRole('option', { name: new RegExp(`^${escapeRe(name)} — `) });

    // Patient A, at the desk: the options say who is where, free rooms first.
    const optionsA = await openPicker(desk, a);
    expect(optionsA.length).toBe(before.filter((r) => r.active).length);
    const counts = optionsA.map(occupiedCount);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(counts[0]).toBe(prior);
    if (prior === 0) await expect(optionFor(desk, target.name).textContent()).resolves.toBe(`${target.name} — free`);
    await optionFor(desk, target.name).click();
    await row(desk, a)
      .getByRole('button', { name: `Room ${nameA}` })
      .click();
    if (prior > 0)
      await desk
        .getByRole('dialog', { name: `${target.name} is in use` })
        .getByRole('button', { name: /there too$/ })
        .click();
    await row(desk, a).and(desk.locator('[data-status="roomed"]')).waitFor();
    const deskRoom = desk.locator(`[data-testid="flow-room"][data-room-name="${target.name}"]`);
    await deskRoom.locator(`[data-appointment-id="${a}"]`).waitFor();
    await expect(deskRoom.getAttribute('data-occupants')).resolves.toBe(String(prior + 1));

    // Patient B, on a phone: cards, the strip wraps inside the window, and the same room now names A.
    const phone = await open(390, 844);
    const phoneWatch = watchConsole(phone);
    await signIn(phone, 'front.desk@demo.clinicdesk.dev');
    await phone.goto('/flow');
    await phone.getByTestId('flow-live').getByText('Live').waitFor();
    await expect(phone.getByTestId('flow-board').getAttribute('data-layout')).resolves.toBe('cards');
    const phoneStrip = phone.getByRole('region', { name: 'Rooms' });
    await phoneStrip.waitFor();
    const width = () => phone.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
    await expect(width()).resolves.toBeLessThanOrEqual(390);
    const stripBox = await phoneStrip.boundingBox();
    expect(stripBox && stripBox.x >= 0 && stripBox.x + stripBox.width <= 390).toBe(true);
    await expectAccessible(phone, 'flow board (phone) with the rooms strip');

    const nameB = await patientOf(phone, b);
    const optionsB = await openPicker(phone, b);
    const offered = optionsB.find((o) => o.startsWith(`${target.name} — `)) ?? '';
    expect(offered).toMatch(new RegExp(`^${escapeRe(target.name)} — ${prior + 1} patients? \\(.*${escapeRe(nameA)}.*\\)$`));
    if (prior === 0) expect(offered).toBe(`${target.name} — 1 patient (${nameA})`);
    const listbox = await phone.getByRole('listbox').boundingBox();
    expect(listbox && listbox.x >= 0 && listbox.x + listbox.width <= 390).toBe(true);
    await expect(width()).resolves.toBeLessThanOrEqual(390);
    await optionFor(phone, target.name).click();
    const roomB = row(phone, b).getByRole('button', { name: `Room ${nameB}` });
    await roomB.click();

    // Asked, not refused; Cancel sends nothing.
    const ask = phone.getByRole('dialog', { name: `${target.name} is in use` });
    await ask.waitFor();
    const question = (await ask.textContent()) ?? '';
    expect(question).toContain(`${target.name} already has `);
    expect(question).toContain(nameA);
    expect(question).toContain(`Room ${nameB} there too?`);
    if (prior === 0) expect(question).toContain(`${target.name} already has ${nameA}. Room ${nameB} there too?`);
    await expectAccessible(phone, 'flow board (phone): share a room?');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expect(row(phone, b).getAttribute('data-status')).resolves.toBe('arrived');
    await expect(getJson<Visit>(phone, `/api/appointments/${b}`)).resolves.toMatchObject({ status: 'arrived', roomId: null });

    // Confirming rooms B there too; both layouts list both patients in the room (the desk through the live stream).
    await roomB.click();
    await ask.getByRole('button', { name: `Room ${nameB} there too` }).click();
    await row(phone, b).and(phone.locator('[data-status="roomed"]')).waitFor();
    for (const page of [phone, desk]) {
      const room = page.locator(`[data-testid="flow-room"][data-room-name="${target.name}"]`);
      await room.locator(`[data-appointment-id="${b}"]`).waitFor();
      await expect(room.getAttribute('data-occupants')).resolves.toBe(String(prior + 2));
      const listed = await room.getByTestId('flow-room-occupant').allTextContents();
      expect(listed.some((t) => t.startsWith(nameA))).toBe(true);
      expect(listed.some((t) => t.startsWith(nameB))).toBe(true);
    }
    const roomedA = await getJson<Visit>(desk, `/api/appointments/${a}`);
    expect(roomedA.roomId).not.toBeNull();
    await expect(getJson<Visit>(desk, `/api/appointments/${b}`)).resolves.toMatchObject({ status: 'roomed', roomId: roomedA.roomId });

    await expect(width()).resolves.toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'flow board (phone) with a shared room');
    await expectAccessible(desk, 'flow board with a shared room');

    // The board's keys still work beside the strip: j focuses the first visit.
    await desk.getByRole('heading', { level: 1, name: 'Flow board' }).focus();
    await desk.keyboard.press('j');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('flow-row');

    expect(watch.cspViolations()).toEqual([]);
    expect(phoneWatch.cspViolations()).toEqual([]);
    await phone.context().close();
    await desk.context().close();
  });
});
