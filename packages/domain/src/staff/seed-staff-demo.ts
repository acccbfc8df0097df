/** Demo staff profiles: a title, a home location, the office manager as supervisor, hire dates and emergency contacts. */
import type { Role } from '../access/index.ts';
import type { DemoSeeder } from '../demo/index.ts';

const PROFILES: Record<Role, { title: string; hired: string; contact: [string, string, string] }> = {
  admin: { title: 'Practice administrator', hired: '2019-03-04', contact: ['Jordan Reyes', 'spouse', '+1 617 555 0141'] },
  office_manager: { title: 'Office manager', hired: '2020-06-15', contact: ['Alex Kim', 'partner', '+1 617 555 0178'] },
  front_desk: { title: 'Patient services representative', hired: '2023-09-11', contact: ['Maria Lopez', 'mother', '+1 617 555 0112'] },
  biller: { title: 'Medical biller', hired: '2021-01-25', contact: ['Sam Patel', 'brother', '+1 617 555 0193'] },
  clinician: { title: 'Family physician', hired: '2018-08-01', contact: ['Chris Taylor', 'spouse', '+1 617 555 0127'] },
  nurse: { title: 'Registered nurse', hired: '2022-04-18', contact: ['Dana Wright', 'sister', '+1 617 555 0166'] },
};

export const seedStaffDemo: DemoSeeder = async (demo) => {
  const now = demo.ctx.clock.now();
  // Everyone works from the location the app opens on (the first by name), where the demo rota is.
  const first = await demo.ctx.db
    .selectFrom('location_directory')
    .select('id')
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.locationIds)
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  const home = first?.id ?? null;
  const rows = (Object.keys(PROFILES) as Role[]).map((role) => {
    const p = PROFILES[role];
    return {
      organization_id: demo.organizationId,
      user_id: demo.userIds[role],
      job_title: p.title,
      location_id: home,
      hire_date: p.hired,
      supervisor_id: role === 'office_manager' || role === 'admin' ? null : demo.userIds.office_manager,
      emergency_contact_name: p.contact[0],
      emergency_contact_relation: p.contact[1],
      emergency_contact_phone: p.contact[2],
      created_at: now,
      updated_at: now,
    };
  });
  await demo.ctx.db.insertInto('staff_profiles').values(rows).execute();
};
