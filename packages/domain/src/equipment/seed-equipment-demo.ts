/**
 * Demo equipment: an ECG machine, an autoclave, a spirometer, an AED, a vaccine refrigerator
 * and exam tables in the demo rooms, with vendors and service dates (one service overdue, one
 * due within a month), a resolved fault, a fault waiting for the vendor, and one out-of-service
 * fault in a room that already has visits booked (the fault screen lists them to move).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { roomsByIds } from '../organizations/index.ts';
import { addDays, localDateOf, roomBookingCounts } from '../scheduling/index.ts';

const ITEMS = [
  { name: 'ECG machine (MAC 2000)', vendor: 'GE HealthCare Service', phone: '+18002914422', due: 21, serial: 'SCD21340071GA' },
  { name: 'Autoclave (Midmark M11)', vendor: 'Midmark Technical Service', phone: '+18006436275', due: -4, serial: 'V2120533' },
  { name: 'Spirometer (EasyOne Air)', vendor: 'ndd Medical', phone: '+18778564900', due: 160, serial: 'EA-300117' },
  { name: 'AED (ZOLL AED Plus)', vendor: 'ZOLL Medical', phone: '+18002255655', due: 95, serial: 'X16C118442' },
  { name: 'Vaccine refrigerator', vendor: 'Helmer Scientific', phone: '+18004435637', due: 240, serial: 'HLR125-2291' },
];

export const seedEquipmentDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const rooms = await roomsByIds(demo.ctx, demo.roomIds);
  if (rooms.length === 0) return;
  const today = localDateOf(clock.now().getTime(), 'America/New_York');
  const now = clock.now();
  const rows = [];
  for (const [li, locationId] of demo.locationIds.entries()) {
    const here = rooms.filter((r) => r.locationId === locationId);
    if (here.length === 0) continue;
    for (const [i, item] of ITEMS.entries()) {
      const room = here[i % here.length];
      rows.push({
        organization_id: demo.organizationId,
        location_id: locationId,
        room_id: item.name.startsWith('Vaccine') ? null : (room?.id ?? null),
        name: item.name,
        serial_number: `${item.serial}-${li + 1}`,
        vendor: item.vendor,
        vendor_phone: item.phone,
        last_serviced_on: addDays(today, item.due - 365),
        service_due_on: addDays(today, item.due + li * 3),
        created_at: now,
        updated_at: now,
      });
    }
    for (const room of here) {
      rows.push({
        organization_id: demo.organizationId,
        location_id: locationId,
        room_id: room.id,
        name: `Exam table, ${room.name}`,
        serial_number: null,
        vendor: 'Midmark Technical Service',
        vendor_phone: '+18006436275',
        last_serviced_on: addDays(today, -200),
        service_due_on: addDays(today, 165),
        created_at: now,
        updated_at: now,
      });
    }
  }
  const equipment = await db.insertInto('equipment').values(rows).returning(['id', 'name', 'room_id', 'location_id']).execute();

  // The out-of-service fault goes where visits are already booked.
  const counts = await roomBookingCounts(demo.ctx, demo.roomIds, now);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const blocked =
    equipment.find((e) => e.room_id === busiest && e.name.startsWith('Exam table')) ?? equipment.find((e) => e.room_id !== null);
  const ecg = equipment.find((e) => e.name.startsWith('ECG'));
  const autoclave = equipment.find((e) => e.name.startsWith('Autoclave'));
  const faults = [];
  if (blocked)
    faults.push({
      equipment: blocked,
      description: 'Hydraulic lift stuck in the lowest position; the table tilts when a patient sits on the end.',
      severity: 'high' as const,
      out_of_service: true,
      status: 'open' as const,
      vendor_visit_on: null,
      minutesAgo: 95,
      reported_by: demo.userIds.nurse,
    });
  if (ecg)
    faults.push({
      equipment: ecg,
      description: 'Lead V4 shows a noisy trace; replacing the cable did not help.',
      severity: 'medium' as const,
      out_of_service: false,
      status: 'vendor_scheduled' as const,
      vendor_visit_on: addDays(today, 3),
      minutesAgo: 60 * 26,
      reported_by: demo.userIds.front_desk,
    });
  const faultRows = faults.map((f) => ({
    organization_id: demo.organizationId,
    equipment_id: f.equipment.id,
    room_id: f.equipment.room_id,
    location_id: f.equipment.location_id,
    reported_by: f.reported_by,
    description: f.description,
    severity: f.severity,
    out_of_service: f.out_of_service,
    status: f.status,
    vendor_visit_on: f.vendor_visit_on,
    created_at: new Date(now.getTime() - f.minutesAgo * 60_000),
    updated_at: new Date(now.getTime() - f.minutesAgo * 60_000),
  }));
  if (autoclave)
    faultRows.push({
      organization_id: demo.organizationId,
      equipment_id: autoclave.id,
      room_id: autoclave.room_id,
      location_id: autoclave.location_id,
      reported_by: demo.userIds.nurse,
      description: 'Door gasket leaking steam at the end of the cycle.',
      severity: 'medium',
      out_of_service: true,
      status: 'open',
      vendor_visit_on: null,
      created_at: new Date(now.getTime() - 9 * 86_400_000),
      updated_at: new Date(now.getTime() - 9 * 86_400_000),
    });
  if (faultRows.length === 0) return;
  const inserted = await db.insertInto('equipment_faults').values(faultRows).returning(['id', 'equipment_id']).execute();
  // The autoclave's was fixed: the gasket replaced the next day.
  const fixed = inserted.find((f) => f.equipment_id === autoclave?.id);
  if (fixed)
    await db
      .updateTable('equipment_faults')
      .set({
        status: 'resolved',
        resolution: 'Door gasket replaced by the vendor; three test cycles passed.',
        resolved_by: demo.userIds.office_manager,
        resolved_at: new Date(now.getTime() - 8 * 86_400_000),
        version: 2,
      })
      .where('id', '=', fixed.id)
      .execute();
};
