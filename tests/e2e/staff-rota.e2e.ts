/**
 * Staff and rota in Chromium against a real server with the demo practice. The office manager
 * sees this week's rota with the demo's front-desk gap highlighted, approves the front desk's
 * pending time off, sees who is on call and gets a calendar link, and reads the directory with
 * its HR fields; the nurse acknowledges the handover written for them. axe finds nothing
 * serious on any of the pages, and nothing breaks the CSP.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

describe('staff and rota', () => {
  it('the manager works the rota, time off, on call and directory; the nurse acknowledges a handover', async () => {
    const { page, watch } = await openAs(session, 'office.manager@demo.clinicdesk.dev', { width: 1400, height: 1000 });

    await page.goto('/rota');
    await page.getByRole('heading', { name: 'Rota', level: 1 }).waitFor();
    await page.getByTestId('rota-week').waitFor();
    expect(await page.getByTestId('rota-day').count()).toBe(7);
    await page.getByTestId('coverage-gap').first().waitFor();
    expect(await page.getByTestId('coverage-gap').first().textContent()).toContain('Front desk');
    // The nurse's approved Friday off: her shift is marked on leave, for the manager to reassign.
    const leave = page.getByTestId('rota-day').filter({ has: page.getByTestId('on-leave') });
    expect(await leave.count()).toBe(1);
    expect(await leave.getByTestId('on-leave').textContent()).toBe('On leave');
    await expectAccessible(page, 'rota');

    await page.goto('/time-off');
    await page.getByRole('heading', { name: 'Time off', level: 1 }).waitFor();
    const pending = page.getByRole('table', { name: 'Time off waiting for a decision' });
    await pending.getByText('Family wedding').waitFor();
    await expectAccessible(page, 'time off');
    await pending
      .getByRole('button', { name: /^Approve time off of / })
      .first()
      .click();
    await page.getByText('Time off approved').waitFor();
    await page.getByText('No requests waiting.').waitFor();

    await page.goto('/on-call');
    await page.getByTestId('on-call-now').waitFor();
    await page.getByTestId('on-call-row').first().waitFor();
    await page.getByRole('button', { name: 'Get my on-call calendar link' }).click();
    const url = await page.getByTestId('on-call-feed-url').textContent();
    expect(url).toMatch(/\/ical\/on-call\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(page, 'on call');

    await page.goto('/staff');
    await page.getByTestId('staff-list').waitFor();
    await page.getByRole('columnheader', { name: 'Emergency contact' }).waitFor();
    await expectAccessible(page, 'staff directory');
    expectQuietConsole(watch);

    const nurse = await openAs(session, 'nurse@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const me = await getJson<{ user: { displayName: string } }>(nurse.page, '/api/me');
    await nurse.page.goto('/staff');
    await nurse.page.getByTestId('staff-list').waitFor();
    expect(await nurse.page.getByRole('columnheader', { name: 'Emergency contact' }).count()).toBe(0);
    await nurse.page.goto('/handover');
    const card = nurse.page.getByTestId('handover').filter({ hasText: 'Two walk-ins' });
    await card.waitFor();
    await expectAccessible(nurse.page, 'handover');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByText(`Acknowledged by ${me.user.displayName}`).waitFor();
    expectQuietConsole(nurse.watch);
  });
});
