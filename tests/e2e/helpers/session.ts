/**
 * What the browser-test files share: the file's server and Chromium (started before its tests,
 * stopped after them), a signed-in page with its console watched, the API read through the
 * page's own session, and the accessibility check.
 *
 *   const session = fileSession();
 *   const { page, watch } = await openAs(session, 'biller@demo.clinicdesk.dev');
 *   const claims = await getJson<{ items: Claim[] }>(page, '/api/claims');
 *   await expectAccessible(page, 'claims page');
 *   expectQuietConsole(watch);
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seriousViolations } from './axe.ts';
import { type ConsoleWatch, launchBrowser, newContext, watchConsole } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import { signIn } from './sign-in.ts';

export interface E2eSession {
  /** The file's `clinicdesk serve` (set once `beforeAll` has run). */
  readonly server: TestServer;
  /** The file's Chromium (set once `beforeAll` has run). */
  readonly browser: Browser;
}

/**
 * Starts the file's server and browser before its tests and stops them after: call once, at the
 * top of a file. `env` (read when the server starts, after the `beforeAll`s registered before
 * this call) adds to the server's environment.
 */
export function fileSession(o: { env?: () => Record<string, string> } = {}): E2eSession {
  const session = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    session.server = await startServer(o.env?.() ?? {});
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  watch: ConsoleWatch;
}

/**
 * A fresh context (no cookies) on the file's server with its console watched, signed in as
 * `email` through the login form (`email: null` stays signed out).
 */
export async function openAs(
  session: E2eSession,
  email: string | null,
  o: { width?: number; height?: number; expectedStatuses?: number[] } = {},
): Promise<OpenPage> {
  const context = await newContext(session.browser, session.server.url, o.width, o.height);
  const page = await context.newPage();
  const watch = watchConsole(page, o.expectedStatuses);
  if (email) await signIn(page, email);
  return { context, page, watch };
}

/** A GET through the page's session, which must answer 200; its JSON body. */
export async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** A POST through the page's session (with the CSRF header), which must succeed; its JSON body (or null when it has none). */
export async function postJson<T = unknown>(page: Page, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await page.request.post(url, {
    ...(body === undefined ? {} : { data: body }),
    headers: { 'x-clinicdesk-csrf': '1', ...headers },
  });
  const text = await res.text();
  expect(res.status(), `${url}: ${text}`).toBeLessThan(300);
  return (text ? JSON.parse(text) : null) as T;
}

/**
 * axe finds nothing serious or critical on the page: first waits for every loader to go
 * (unless `waitForLoaders: false`), then asks again until the page passes (a screen still
 * filling in is not yet the screen).
 */
export async function expectAccessible(page: Page, where: string, o: { waitForLoaders?: boolean } = {}): Promise<void> {
  if (o.waitForLoaders !== false) await page.waitForFunction(() => document.querySelector('.mantine-Loader-root') === null);
  await expect.poll(() => seriousViolations(page), { timeout: 10_000, interval: 300, message: where }).toEqual([]);
}

/** axe finds nothing serious or critical on the page as it is at once (no waiting). */
export async function expectAccessibleNow(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

/** No console errors, page errors or CSP violations were seen. */
export function expectQuietConsole(watch: ConsoleWatch): void {
  expect(watch.problems).toEqual([]);
  expect(watch.cspViolations()).toEqual([]);
}

/** The app's module navigation. */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });

/** Cents as the UI shows them: $1,234.50. */
export const usd = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * At least `count` visits on today's flow board of the first location can be checked in
 * (scheduled, confirmed or no-show). Late in the demo day they are all seen: the office manager
 * then books walk-ins starting now (overbooked, as a desk does for a walk-in), so a journey that
 * checks a patient in runs at any hour.
 */
export async function ensureCheckInRows(session: E2eSession, count: number): Promise<void> {
  const { page, context } = await openAs(session, 'office.manager@demo.clinicdesk.dev');
  try {
    const me = await getJson<{ locations: { id: string }[] }>(page, '/api/me');
    const locationId = me.locations[0]?.id as string;
    const board = await getJson<{ items: { status: string; patientId: string | null }[] }>(
      page,
      `/api/flow-board?locationId=${locationId}`,
    );
    const onBoard = new Set(board.items.map((i) => i.patientId));
    let open = board.items.filter((i) => i.patientId && ['scheduled', 'confirmed', 'no_show'].includes(i.status)).length;
    if (open >= count) return;
    const providers = await getJson<{ items: { id: string }[] }>(page, '/api/providers');
    const types = await getJson<{ items: { id: string; active?: boolean }[] }>(page, '/api/appointment-types');
    const patients = await getJson<{ items: { id: string }[] }>(page, '/api/patients?limit=50');
    const type = types.items.find((t) => t.active !== false);
    const start = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
    for (const p of patients.items) {
      if (open >= count) break;
      if (onBoard.has(p.id)) continue;
      const res = await page.request.post('/api/appointments', {
        data: {
          patientId: p.id,
          providerId: providers.items[open % providers.items.length]?.id,
          locationId,
          appointmentTypeId: type?.id,
          start,
          overbook: true,
          overridePatientKind: true,
        },
        headers: { 'x-clinicdesk-csrf': '1' },
      });
      if (res.status() === 201) open++; // else the patient is booked elsewhere then, say
    }
    expect(open, 'visits that can be checked in today').toBeGreaterThanOrEqual(count);
  } finally {
    await context.close();
  }
}
