/**
 * The demo rota at the location the app opens on (the first by name): shift templates, this week's shifts (Monday to Friday:
 * the front desk, the clinician's clinic session, the nurse) with one deliberate gap (no front
 * desk on Wednesday afternoon), two coverage rules that find it, nights and a weekend on call,
 * a handover waiting for its acknowledgement, a pending time-off request of the front desk and
 * an approved day off of the clinician (their availability exception, through scheduling), and
 * the nurse's approved day off this Friday (her shift on leave, the clinician's session unsupported).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, isoWeekday, localDateOf, localToEpochMs } from '../scheduling/index.ts';
import { systemCtx } from '../shared/context.ts';
import { providerTimeOffException } from './provider-exception.ts';
import type { Duty } from './rota.tables.ts';

export const seedRotaDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  // The location the app opens on (the first by name), so the demo's rota is what a newcomer sees first.
  const loc = await db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', org)
    .where('id', 'in', demo.locationIds)
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  if (!loc) return;
  const locationId = loc.id;
  const zone = loc.time_zone;
  const now = clock.now();
  const today = localDateOf(now.getTime(), zone);
  const monday = addDays(today, 1 - isoWeekday(today));
  const at = (date: string, time: string) => new Date(localToEpochMs(zone, date, time));
  const u = demo.userIds;

  const templates: { name: string; duty: Duty; start: string; end: string }[] = [
    { name: 'Front desk', duty: 'front_desk', start: '07:30', end: '17:30' },
    { name: 'Front desk morning', duty: 'front_desk', start: '07:30', end: '12:30' },
    { name: 'Clinic session', duty: 'provider', start: '08:00', end: '17:00' },
    { name: 'Nurse day', duty: 'nurse', start: '07:45', end: '17:15' },
  ];
  const ids = await db
    .insertInto('shift_templates')
    .values(
      templates.map((t) => ({
        organization_id: org,
        location_id: locationId,
        name: t.name,
        duty: t.duty,
        start_time: t.start,
        end_time: t.end,
        created_at: now,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const tpl = (name: string) => ids.find((r) => r.name === name)?.id ?? null;

  await db
    .insertInto('coverage_rules')
    .values([
      {
        organization_id: org,
        location_id: locationId,
        kind: 'minimum',
        duty: 'front_desk',
        min_count: 1,
        weekdays: [1, 2, 3, 4, 5],
        start_time: '08:00',
        end_time: '17:00',
        label: 'At least one front desk while the office is open',
        created_at: now,
      },
      {
        organization_id: org,
        location_id: locationId,
        kind: 'support',
        duty: 'provider',
        support_duties: ['nurse', 'medical_assistant'],
        min_count: 1,
        label: 'Each clinic session needs a nurse or medical assistant',
        created_at: now,
      },
    ])
    .execute();

  const shifts: {
    user_id: string;
    duty: Duty;
    starts_at: Date;
    ends_at: Date;
    template_id: string | null;
  }[] = [];
  for (let d = 0; d < 5; d++) {
    const day = addDays(monday, d);
    // Wednesday: the desk works the morning only; nobody covers the afternoon (the demo's gap).
    const desk = d === 2 ? 'Front desk morning' : 'Front desk';
    const deskEnd = d === 2 ? '12:30' : '17:30';
    shifts.push({
      user_id: u.front_desk,
      duty: 'front_desk',
      starts_at: at(day, '07:30'),
      ends_at: at(day, deskEnd),
      template_id: tpl(desk),
    });
    shifts.push({
      user_id: u.clinician,
      duty: 'provider',
      starts_at: at(day, '08:00'),
      ends_at: at(day, '17:00'),
      template_id: tpl('Clinic session'),
    });
    shifts.push({ user_id: u.nurse, duty: 'nurse', starts_at: at(day, '07:45'), ends_at: at(day, '17:15'), template_id: tpl('Nurse day') });
  }
  await db
    .insertInto('shifts')
    .values(
      shifts.map((s) => ({
        organization_id: org,
        location_id: locationId,
        ...s,
        created_by: u.office_manager,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  // Nights Monday to Thursday and the weekend (Friday evening to Monday morning): the clinician
  // is primary, the nurse backs up on the weekend.
  const onCall: { user_id: string; tier: 'primary' | 'backup'; starts_at: Date; ends_at: Date; note: string }[] = [];
  for (let d = 0; d < 4; d++) {
    const day = addDays(monday, d);
    onCall.push({
      user_id: u.clinician,
      tier: 'primary',
      starts_at: at(day, '17:00'),
      ends_at: at(addDays(day, 1), '08:00'),
      note: 'Night line',
    });
  }
  const friday = addDays(monday, 4);
  const nextMonday = addDays(monday, 7);
  onCall.push({ user_id: u.clinician, tier: 'primary', starts_at: at(friday, '17:00'), ends_at: at(nextMonday, '08:00'), note: 'Weekend' });
  onCall.push({
    user_id: u.nurse,
    tier: 'backup',
    starts_at: at(friday, '17:00'),
    ends_at: at(nextMonday, '08:00'),
    note: 'Weekend backup',
  });
  await db
    .insertInto('on_call_shifts')
    .values(onCall.map((o) => ({ organization_id: org, location_id: locationId, ...o, created_by: u.office_manager, created_at: now })))
    .execute();

  await db
    .insertInto('handovers')
    .values({
      organization_id: org,
      location_id: locationId,
      written_by: u.front_desk,
      to_user_id: u.nurse,
      open_items: 'Fax from the cardiology office still expected; printer tray 2 jammed (IT called).',
      patients_waiting: 'Two walk-ins in the waiting room asked about flu shots.',
      tasks_due: 'Confirm tomorrow’s first three visits before 5 pm.',
      written_at: new Date(now.getTime() - 2 * 3_600_000),
    })
    .execute();

  // Time off: the front desk asks for two days in three weeks (pending); the clinician's day off
  // in five weeks was approved by the office manager, so their availability is gone that day.
  const deskStart = addDays(monday, 21 + 3);
  await db
    .insertInto('time_off')
    .values({
      organization_id: org,
      location_id: locationId,
      user_id: u.front_desk,
      start_date: deskStart,
      end_date: addDays(deskStart, 1),
      reason: 'Family wedding',
      requested_by: u.front_desk,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // The nurse's day off this Friday, approved: the rota shows her shift on leave, and the
  // clinician's session that day has no nurse (a coverage gap the manager can fill).
  const nurseDay = addDays(monday, 4);
  await db
    .insertInto('time_off')
    .values({
      organization_id: org,
      location_id: locationId,
      user_id: u.nurse,
      start_date: nurseDay,
      end_date: nurseDay,
      reason: 'Moving house',
      status: 'approved',
      requested_by: u.nurse,
      decided_by: u.office_manager,
      decided_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const providerId = demo.providerIds[0];
  if (!providerId) return;
  const day = addDays(monday, 35 + 4);
  const ctx = systemCtx(db, clock, org, 'demo-seed:rota', demo.ctx.requestId, { baseDb: demo.ctx.baseDb });
  const exception = await providerTimeOffException(ctx, { provider_id: providerId, start_date: day, end_date: day, reason: 'Conference' });
  await db
    .insertInto('time_off')
    .values({
      organization_id: org,
      location_id: locationId,
      user_id: u.clinician,
      provider_id: providerId,
      start_date: day,
      end_date: day,
      reason: 'Conference',
      status: 'approved',
      requested_by: u.clinician,
      decided_by: u.office_manager,
      decided_at: now,
      exception_id: exception.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
};
