/**
 * The front office in a person's hands (issue 11, items 13-15), in Chromium against a real server:
 * - WCAG 2.2 AA by axe-core: no serious or critical violation on the main screens, their dialogs
 *   and error states, on a desk screen and on a phone (the schedule's own check: schedule-a11y.e2e.ts);
 * - keyboard: focus starts at the page's h1 after sign-in and after each navigation, `?` lists the
 *   shortcuts, and the flow board reaches the first Check in with one key;
 * - a phone (390x844): no horizontal scroll, the flow board as cards whose Check in works, and the
 *   user menu (Sign out) in view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.ts';
import { launchBrowser, newContext, watchConsole } from './helpers/browser.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { ensureCheckInRows } from './helpers/session.ts';
import { signIn } from './helpers/sign-in.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Two of the tests check a patient in, at whatever hour the suite runs.
  await ensureCheckInRows({ server, browser }, 3);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(width = 1280, height = 800): Promise<Page> {
  const context = await newContext(browser, server.url, width, height);
  return context.newPage();
}

/** The page has its h1 and nothing is still loading (no spinner). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('h1') !== null && document.querySelector('.mantine-Loader-root') === null);
}

/**
 * No serious or critical axe violation. Polled: a dialog or tab fading in is judged once its
 * transition ends (half-transparent text reads as low contrast), and the last answer is reported.
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await settled(page);
  await expect.poll(() => seriousViolations(page), { timeout: 10_000, interval: 300, message: where }).toEqual([]);
}

/** What has focus, as a short description. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}: ${a.getAttribute('aria-label') ?? a.textContent?.trim() ?? ''}`;
  });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

/** Horizontal scroll at the document level (the test's own definition: scrollWidth within the window). */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);

describe('axe-core on the main screens', () => {
  it('login, flow board, patient search, registration and every chart tab (front desk)', async () => {
    const page = await open();
    const watch = watchConsole(page);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in to ClinicDesk' }).waitFor();
    await expectAccessible(page, 'login');
    // A failed sign-in shows its message (red on white must still read).
    await page.getByRole('textbox', { name: 'Email' }).fill('front.desk@demo.clinicdesk.dev');
    await page.getByLabel(/^Password/).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'login, failed');

    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    await expectAccessible(page, 'dashboard');

    await page.goto('/flow');
    await page.getByTestId('flow-row').first().waitFor();
    await expectAccessible(page, 'flow board');
    // Every status colour the demo day shows passes (the "arrived" badge was 1.86:1).
    const statuses = await page.getByTestId('flow-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses).size).toBeGreaterThan(1);

    await page.goto('/patients');
    await page.getByTestId('patient-search').fill('an');
    const results = page.getByTestId('patient-results');
    await results.waitFor();
    await expectAccessible(page, 'patient search results');

    await page.goto('/patients?new=1');
    await page.getByRole('heading', { level: 1, name: 'Register a patient' }).waitFor();
    await expectAccessible(page, 'registration form');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await expectAccessible(page, 'registration form with errors');

    await page.goto('/patients');
    await page.getByTestId('patient-search').fill('an');
    // An ordinary record (a restricted one's button says so and opens the break-glass prompt).
    await results
      .getByRole('button', { name: /^[^:]+, [^:]+$/ })
      .first()
      .click();
    await page.getByTestId('chart-header').waitFor();
    for (const tab of ['Demographics', 'Insurance', 'Documents', 'Messages', 'Calls', 'Letters', 'Staff messages', 'Privacy']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
      await expectAccessible(page, `chart: ${tab}`);
    }

    await page.goto('/waitlist');
    await page.getByTestId('waitlist-table').waitFor();
    await expectAccessible(page, 'waiting list');
    await page.getByRole('button', { name: 'Add to waiting list' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'waiting list: add dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.goto('/account');
    await page.getByRole('form', { name: 'Change password' }).waitFor();
    await expectAccessible(page, 'account');

    expect(watch.cspViolations()).toEqual([]);
    await page.context().close();
  });

  it('admin: users (list, add dialog, user drawer), locations, audit and reminders', async () => {
    const page = await open();
    await signIn(page, 'admin@demo.clinicdesk.dev');

    await page.goto('/admin/users');
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await expectAccessible(page, 'users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const addUser = page.getByRole('dialog', { name: 'Add user' });
    await addUser.waitFor();
    // The dialog's close button has a name (it was a nameless icon).
    await addUser.getByRole('button', { name: 'Close' }).waitFor();
    await expectAccessible(page, 'users: add dialog');
    // One banner, one main, every nav labelled, even with a dialog open (its title bar was a second banner).
    const landmarks = await page.evaluate(() => {
      const sectioning = 'main, article, aside, nav, section, [role="main"], [role="region"]';
      const banners = [...document.querySelectorAll('header, [role="banner"]')].filter(
        (h) => !['none', 'presentation'].includes(h.getAttribute('role') ?? '') && !h.parentElement?.closest(sectioning),
      );
      return {
        main: document.querySelectorAll('main, [role="main"]').length,
        banner: banners.length,
        unlabelledNav: [...document.querySelectorAll('nav')].filter((n) => !n.getAttribute('aria-label')).length,
      };
    });
    expect(landmarks).toEqual({ main: 1, banner: 1, unlabelledNav: 0 });
    await addUser.getByRole('button', { name: 'Close' }).click();
    await addUser.waitFor({ state: 'hidden' });
    await page
      .getByRole('button', { name: /^Open / })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).waitFor();
    await expectAccessible(page, 'users: user drawer');
    await page.keyboard.press('Escape');

    await page.goto('/admin/locations');
    await page.getByRole('table', { name: 'Locations' }).waitFor();
    await expectAccessible(page, 'locations');

    await page.goto('/admin/audit');
    await page.getByRole('table', { name: 'Audit trail' }).waitFor();
    await expectAccessible(page, 'audit');

    await page.goto('/admin/reminders');
    await page.getByRole('table', { name: 'Reminder rules' }).waitFor();
    await expectAccessible(page, 'reminders');

    await page.context().close();
  });
});

describe('keyboard', () => {
  it('starts at the h1 after sign-in and navigation; ? lists the shortcuts; one key reaches the first Check in', async () => {
    const page = await open();
    const watch = watchConsole(page);
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    await expect.poll(() => focused(page)).toMatch(/^h1: /);
    // The skip link is still the first stop from the top of a freshly loaded page.
    await page.reload();
    await settled(page);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('#main');

    // `?` (not while typing) opens the help, which lists what works here.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('table', { name: 'Everywhere shortcuts' }).waitFor();
    await expect(help.getByRole('table', { name: 'Flow board shortcuts' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'keyboard help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await nav(page).getByRole('link', { name: 'Flow board' }).click();
    await page.getByTestId('flow-row').first().waitFor();
    await expect.poll(() => focused(page)).toBe('h1: Flow board');

    // Typing `?` in a field is a character, not the help.
    await nav(page).getByRole('link', { name: 'Patients' }).click();
    const search = page.getByTestId('patient-search');
    await search.fill('');
    await search.pressSequentially('a?');
    await expect(search.inputValue()).resolves.toBe('a?');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    await nav(page).getByRole('link', { name: 'Flow board' }).click();
    await page.getByTestId('flow-row').first().waitFor();
    await expect.poll(() => focused(page)).toBe('h1: Flow board');
    await page.keyboard.press('?');
    await help
      .getByRole('table', { name: 'Flow board shortcuts' })
      .getByRole('row', { name: /Next visit waiting to check in/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // From the page's start, the first Check in is one key away (it took 14 Tabs), and Enter presses it.
    const keys = ['n'];
    for (const key of keys) await page.keyboard.press(key);
    expect(keys.length).toBeLessThanOrEqual(2);
    await expect.poll(() => focused(page)).toMatch(/^button: Check in /);
    const firstCheckIn = await page.evaluate(() =>
      document.activeElement?.closest('[data-testid="flow-row"]')?.getAttribute('data-appointment-id'),
    );
    const firstOnBoard = await page
      .locator('[data-testid="flow-row"]:has([data-flow-action="check-in"])')
      .first()
      .getAttribute('data-appointment-id');
    expect(firstCheckIn).toBe(firstOnBoard);

    // j/k move between visits (from a visit's button, k goes to the visit above); c checks in the current one.
    const rowIds = await page.getByTestId('flow-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-appointment-id')));
    const at = rowIds.indexOf(firstCheckIn ?? '');
    const currentRow = () =>
      page.evaluate(() => document.activeElement?.closest('[data-testid="flow-row"]')?.getAttribute('data-appointment-id'));
    await page.keyboard.press('k');
    await expect(currentRow()).resolves.toBe(rowIds[Math.max(at - 1, 0)]);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('flow-row');
    if (at > 0) await page.keyboard.press('j');
    await expect(currentRow()).resolves.toBe(firstCheckIn);
    await page.keyboard.press('c');
    const desk = page.getByTestId('check-in-dialog');
    await desk.waitFor();
    // The board's keys rest while a dialog is open: focus stays in the dialog.
    await page.keyboard.press('n');
    await expect(page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).resolves.toBe(true);
    await expectAccessible(page, 'check-in dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Later' }).click();
    await desk.waitFor({ state: 'hidden' });
    await page.locator(`[data-appointment-id="${firstCheckIn}"][data-status="arrived"]`).waitFor();

    expect(watch.cspViolations()).toEqual([]);
    await page.context().close();
  });
});

describe('a phone, 390x844', () => {
  it('no horizontal scroll; the flow board is cards and Check in works; the nav is a drawer; Sign out is in view', async () => {
    const page = await open(390, 844);
    const watch = watchConsole(page);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(pageWidth(page)).resolves.toBeLessThanOrEqual(390);
    await expectAccessible(page, 'login (phone)');
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    await settled(page);
    await expect(pageWidth(page)).resolves.toBeLessThanOrEqual(390);

    // The closed drawer is out of the Tab order; the burger opens it, with the location switcher.
    await expect(page.locator('#module-nav').evaluate((n) => (n as HTMLElement).inert)).resolves.toBe(true);
    const burger = page.getByRole('button', { name: 'Menu' });
    await burger.click();
    await expect(burger.getAttribute('aria-expanded')).resolves.toBe('true');
    await nav(page).getByRole('combobox', { name: 'Location' }).waitFor();
    await expect.poll(() => nav(page).getByRole('combobox', { name: 'Location' }).inputValue()).not.toBe('');
    await nav(page).getByRole('link', { name: 'Flow board' }).click();
    await expect(page.locator('#module-nav').evaluate((n) => (n as HTMLElement).inert)).resolves.toBe(true);

    const board = page.getByTestId('flow-board');
    await page.getByTestId('flow-row').first().waitFor();
    await expect(board.getAttribute('data-layout')).resolves.toBe('cards');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await expect(pageWidth(page)).resolves.toBeLessThanOrEqual(390);
    await expectAccessible(page, 'flow board (phone)');

    const card = page.locator('[data-testid="flow-row"]:has([data-flow-action="check-in"])').first();
    const id = await card.getAttribute('data-appointment-id');
    await card.getByRole('button', { name: /^Check in / }).click();
    const desk = page.getByTestId('check-in-dialog');
    await desk.waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Later' }).click();
    await desk.waitFor({ state: 'hidden' });
    await page.locator(`[data-appointment-id="${id}"][data-status="arrived"]`).waitFor();

    for (const path of ['/patients', '/waitlist', '/account']) {
      await page.goto(path);
      await settled(page);
      await expect(pageWidth(page), path).resolves.toBeLessThanOrEqual(390);
    }

    // The user menu stays in the header, inside the window, and Sign out works.
    const user = page.getByRole('button', { name: 'Demo Front Desk' });
    const box = await user.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await user.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await expect(page.request.get('/api/me').then((r) => r.status())).resolves.toBe(401);

    expect(watch.cspViolations()).toEqual([]);
    await page.context().close();
  });
});
