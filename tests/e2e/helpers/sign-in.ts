import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'clinicdesk-demo-2026';

/** Signs in through the login form, submitting with Enter (keyboard path). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByLabel(/^Password/).press('Enter');
  await page.getByTestId('practice-name').waitFor();
}

/** True when the page is not wider than the window (no horizontal scroll bar). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
