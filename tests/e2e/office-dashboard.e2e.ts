/**
 * The office manager's dashboard in Chromium against a real server with the demo practice: the
 * manager opens it at the location of the demo's out-of-service room, sees the day's figures and
 * charts and the hiring tile's figures, drills from the equipment tile into the fault, moves the visits booked in the blocked
 * room to another room, resolves the fault, and finds the tile empty. axe finds nothing serious,
 * and the front desk has no such page.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, nav, openAs } from './helpers/session.ts';

const session = fileSession();

interface Fault {
  id: string;
  equipmentName: string;
  locationId: string;
  roomName: string | null;
}
interface FaultDetail {
  status: string;
  affectedAppointments: { id: string; patientName: string }[];
}

describe('office dashboard', () => {
  it('drills from the equipment tile into the fault, moves its visits and resolves it', async () => {
    const { page, watch } = await openAs(session, 'office.manager@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const blocked = (await getJson<{ items: Fault[] }>(page, '/api/equipment-faults?outOfService=true')).items[0] as Fault;
    expect(blocked).toBeDefined();
    await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), blocked.locationId);
    await page.goto('/');
    await nav(page).getByRole('link', { name: 'Office dashboard' }).click();
    await page.waitForURL(/\/office$/);
    await page.getByTestId('dash-today').waitFor();
    await page.getByTestId('dash-utilization').getByRole('table', { name: 'Utilization per provider' }).waitFor();
    await page.getByTestId('dash-no-shows').waitFor();
    // The hiring tile says what the API says, and leads to the hiring page.
    const figures = (
      await getJson<{
        hiring: { openingsToFill: number; applied: number; screening: number; interview: number; offer: number };
      }>(page, `/api/dashboard?locationId=${blocked.locationId}`)
    ).hiring;
    const hiring = page.getByTestId('dash-hiring');
    const h = figures;
    await hiring
      .getByText(
        `${h.applied} applied, ${h.screening} screening, ${h.interview} interviewing, ${h.offer} ${h.offer === 1 ? 'offer' : 'offers'} out`,
        {
          exact: true,
        },
      )
      .waitFor();
    await hiring
      .getByText(`${figures.openingsToFill} ${figures.openingsToFill === 1 ? 'place' : 'places'} to fill`, { exact: false })
      .waitFor();
    expect(await hiring.getByRole('link', { name: 'Open hiring' }).getAttribute('href')).toBe('/hiring');
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'office dashboard');

    // The equipment tile names the blocked room; its link opens the fault.
    const tile = page.getByTestId('dash-equipment');
    const link = tile.getByRole('link', { name: new RegExp(`^${blocked.equipmentName}`) });
    await link.click();
    await page.waitForURL(/\/equipment\?fault=/);
    const dialog = page.getByRole('dialog', { name: 'Fault', exact: true });
    const visits = dialog.getByTestId('affected-appointments');
    await visits.waitFor();

    // Move each booked visit to another room (a few at most: the rest stay for the desk).
    const before = await getJson<FaultDetail>(page, `/api/equipment-faults/${blocked.id}`);
    const toMove = before.affectedAppointments.slice(0, 2);
    expect(toMove.length).toBeGreaterThan(0);
    for (const a of toMove) {
      await dialog
        .getByRole('button', { name: `Move to another room: ${a.patientName}` })
        .first()
        .click();
      await page.getByText(`Moved ${a.patientName} to another room`).first().waitFor();
    }
    await expect
      .poll(async () => (await getJson<FaultDetail>(page, `/api/equipment-faults/${blocked.id}`)).affectedAppointments.length)
      .toBe(before.affectedAppointments.length - toMove.length);

    await dialog.getByRole('textbox', { name: 'What was done' }).fill('Hydraulic pump replaced by the vendor');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText(/^Resolved: /).waitFor();
    expect((await getJson<FaultDetail>(page, `/api/equipment-faults/${blocked.id}`)).status).toBe('resolved');

    // Back on the dashboard, nothing is out of service.
    await nav(page).getByRole('link', { name: 'Office dashboard' }).click();
    await page.getByTestId('dash-equipment').getByText('Every room is in service.').waitFor();
    expectQuietConsole(watch);
  });

  it('is not the front desk’s', async () => {
    const { page } = await openAs(session, 'front.desk@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    await page.goto('/');
    await nav(page).getByRole('link', { name: 'Patients' }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Office dashboard' }).count()).toBe(0);
  });
});
