/**
 * Staff operations in Chromium against a real server with the demo practice. The office manager
 * reports a fault on a piece of equipment, opens the demo's out-of-service fault and sees the
 * visits booked in its room, resolves it; renews the licence that expires within 30 days; and,
 * in Training, reads the overdue report and completes an item of their own with evidence. axe
 * finds nothing serious on the pages or dialogs, and nothing breaks the CSP.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, nav, openAs } from './helpers/session.ts';

const session = fileSession();

interface Fault {
  id: string;
  equipmentName: string;
  locationId: string;
  status: string;
  outOfService: boolean;
}

describe('staff operations', () => {
  it('office manager works equipment faults, renews an expiring licence and completes training', async () => {
    const { page, watch } = await openAs(session, 'office.manager@demo.clinicdesk.dev', { width: 1400, height: 1000 });

    // Equipment at the location of the demo's out-of-service fault: report a fault on the first piece, then open that one.
    const blocked = (await getJson<{ items: Fault[] }>(page, '/api/equipment-faults?outOfService=true')).items[0] as Fault;
    expect(blocked).toBeDefined();
    await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), blocked.locationId);
    await page.goto('/equipment');
    const firstRow = page.getByTestId('equipment-row').first();
    await firstRow.waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'equipment');
    await firstRow.getByRole('button', { name: /^Report a fault of / }).click();
    const report = page.getByRole('dialog', { name: 'Report a fault' });
    await report.getByRole('textbox', { name: 'What is wrong' }).fill('Display flickers after ten minutes');
    await expectAccessible(page, 'report a fault dialog');
    await report.getByRole('button', { name: 'Report' }).click();
    const faultDialog = page.getByRole('dialog', { name: 'Fault', exact: true });
    await faultDialog.getByText('Display flickers after ten minutes').waitFor();
    await faultDialog.getByRole('button', { name: 'Close' }).click();
    await faultDialog.waitFor({ state: 'hidden' });

    await page
      .getByTestId('fault-row')
      .filter({ hasText: 'Out of service' })
      .getByRole('button', { name: `Open the fault of ${blocked.equipmentName}` })
      .click();
    await faultDialog.getByTestId('affected-appointments').waitFor();
    expect(await faultDialog.getByRole('link', { name: 'Open in schedule' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'fault dialog');
    await faultDialog.getByRole('textbox', { name: 'What was done' }).fill('Lift cylinder replaced by the vendor');
    await faultDialog.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText(/^Resolved: /).waitFor();
    const after = await getJson<Fault & { status: string }>(page, `/api/equipment-faults/${blocked.id}`);
    expect(after.status).toBe('resolved');

    // Credentials: the licence expiring within 30 days, renewed.
    await nav(page).getByRole('link', { name: 'Credentials' }).click();
    await page.waitForURL(/\/credentials$/);
    await page.getByText('Expiring in 30 days', { exact: true }).click();
    const licence = page.getByTestId('credential-row').filter({ hasText: 'State licence' }).first();
    await licence.waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'credentials');
    await licence.getByRole('button', { name: /^Renew State licence of / }).click();
    const renew = page.getByRole('dialog', { name: 'Renew credential' });
    await renew.getByLabel('New expiry date').fill('2031-06-30');
    await expectAccessible(page, 'renew dialog');
    await renew.getByRole('button', { name: 'Renew' }).click();
    await page.getByText('Renewed until 2031-06-30').waitFor();

    // Training: the overdue report, then one of my own completed with evidence.
    await nav(page).getByRole('link', { name: 'Training' }).click();
    await page.waitForURL(/\/training$/);
    await page.getByRole('tab', { name: 'Overdue report' }).click();
    await page.getByTestId('overdue-report').waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'training: overdue report');
    await page.getByRole('tab', { name: 'My training' }).click();
    const complete = page
      .getByTestId('my-training')
      .getByRole('button', { name: /^Complete / })
      .first();
    await complete.waitFor();
    await complete.click();
    const dialog = page.getByRole('dialog', { name: 'Complete training' });
    await dialog.getByRole('textbox', { name: 'Evidence' }).fill('Certificate 55120');
    await expectAccessible(page, 'complete training dialog');
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await page.getByText(/^Completed: /).waitFor();
    expectQuietConsole(watch);
  });
});
