/**
 * The calendar for keyboard and screen-reader users (issue 11, items 13 and 14): no serious
 * axe violation on the schedule in its three views and in the appointment window; the page's
 * keys (t, n, p, d, r, w) move the calendar; a visit is reached with Tab/arrows and opened
 * with Enter; times are in the location's one format (12-hour in the US demo practice).
 */
import type { Browser } from 'playwright-core';
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

describe('schedule accessibility', () => {
  it('day, rooms and week views and the appointment window have no serious violations; keys navigate; Enter opens a visit', async () => {
    const context = await newContext(browser, server.url, 1400, 1000);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await signIn(page, 'front.desk@demo.clinicdesk.dev');
    await page.goto('/schedule');
    await page.getByTestId('schedule-zone').waitFor();
    await page.locator('.rbc-time-view').waitFor();
    // The demo practice has visits today: wait for them before judging the page.
    await page.locator('.rbc-event').first().waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    // One time format: the gutter and next available both read 12-hour at a US location.
    expect(await page.locator('.rbc-time-gutter .rbc-label').first().textContent()).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/);
    await expect(page.getByTestId('schedule-legend').textContent()).resolves.toContain('No-show');

    // The calendar's keys are in the shell's shortcut help.
    await page.locator('body').press('?');
    const help = page.getByRole('dialog');
    await help.getByText('Go to today').waitFor();
    await help.getByText('Day view by room').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    const dateLabel = page.getByTestId('schedule-date');
    const today = await dateLabel.textContent();
    await page.locator('body').press('n');
    await expect.poll(() => dateLabel.textContent()).not.toBe(today);
    await page.locator('body').press('p');
    await expect.poll(() => dateLabel.textContent()).toBe(today);
    await page.locator('body').press('n');
    await page.locator('body').press('t');
    await expect.poll(() => dateLabel.textContent()).toBe(today);

    await page.locator('body').press('r');
    await page.getByRole('radio', { name: 'Day: rooms' }).and(page.locator(':checked')).waitFor({ state: 'attached' });
    await page.locator('.rbc-event').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('body').press('w');
    await page.getByRole('radio', { name: 'Week' }).and(page.locator(':checked')).waitFor({ state: 'attached' });
    await page.locator('.rbc-time-header .rbc-header').nth(6).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('body').press('d');
    await page.getByRole('radio', { name: 'Day: providers' }).and(page.locator(':checked')).waitFor({ state: 'attached' });
    const visit = page.locator('.rbc-event:not(.busy-block):not(.status-cancelled)').first();
    await visit.waitFor();
    // Keyboard only: focus the first event, arrow to the next and back, Enter opens it.
    await page.locator('.rbc-event').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await visit.focus();
    const name = ((await visit.locator('[data-appointment-id]').textContent()) ?? '').replace(/^.*?: /, '').split(' · ')[0] as string;
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('appointment-status').waitFor();
    expect(await dialog.getByTestId('appointment-when').textContent()).toMatch(/\d{1,2}:\d{2} (AM|PM) to \d{1,2}:\d{2} (AM|PM)$/);
    expect(await dialog.getByRole('heading').first().textContent()).toContain(name.replace(/^[^A-Za-z]+/, ''));
    await dialog.getByTestId('patient-phone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    expect(watch.cspViolations()).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
