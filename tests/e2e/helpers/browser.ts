/**
 * Debian's Chromium through playwright-core (`npx playwright install` cannot download here),
 * with flags that work as root; each call gets a fresh context (no cookies, no storage).
 * `watchConsole` collects console errors and CSP violations so a test can insist on none.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string, width = 1280, height = 800): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width, height } });
}

export interface ConsoleWatch {
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  cspViolations(): string[];
}

/**
 * Console errors are recorded except the browser's own line for a failed request the test
 * caused on purpose (e.g. the 401 of /api/me after sign-out): those are listed in `expectedStatuses`.
 */
export function watchConsole(page: Page, expectedStatuses: number[] = [401]): ConsoleWatch {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const failedLoad = /Failed to load resource: the server responded with a status of (\d+)/.exec(text);
    if (failedLoad && expectedStatuses.includes(Number(failedLoad[1]))) return;
    problems.push(text);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { problems, cspViolations: () => problems.filter((p) => /Content Security Policy/i.test(p)) };
}
