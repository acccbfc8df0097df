/**
 * Demo tasks: a handful of everyday office jobs at each location, some for the front desk,
 * one for the office manager, one about a patient, one done yesterday. The calls demo adds
 * the tasks its follow-ups became (a refill request for the nurse).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import type { TaskPriority } from './tasks.tables.ts';

const TASKS: {
  title: string;
  note: string;
  role: 'front_desk' | 'office_manager' | 'nurse';
  dueIn: number | null;
  priority: TaskPriority;
  patient?: number;
  done?: boolean;
}[] = [
  { title: 'Scan and index yesterday’s intake forms', note: '', role: 'front_desk', dueIn: 0, priority: 'normal' },
  {
    title: 'Request prior authorization for MRI',
    note: 'Payer portal; clinical notes attached to the referral.',
    role: 'front_desk',
    dueIn: 1,
    priority: 'high',
    patient: 3,
  },
  { title: 'Order printer toner for the front desk', note: 'HP 58A, two cartridges', role: 'office_manager', dueIn: 5, priority: 'low' },
  {
    title: 'Send records to the new cardiologist',
    note: 'Signed release on file.',
    role: 'front_desk',
    dueIn: -1,
    priority: 'normal',
    patient: 7,
  },
  { title: 'Restock the vaccine fridge log sheets', note: '', role: 'nurse', dueIn: null, priority: 'normal' },
  {
    title: 'Confirm the interpreter for Thursday’s visit',
    note: 'Spanish interpreter, 10:30 visit',
    role: 'front_desk',
    dueIn: -2,
    priority: 'normal',
    patient: 11,
    done: true,
  },
];

export const seedTasksDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const now = clock.now();
  const locations = await db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.locationIds)
    .orderBy('name')
    .execute();
  const rows = locations.flatMap((loc, li) =>
    TASKS.map((t, i) => {
      const today = localDateOf(now.getTime(), loc.time_zone);
      const patientId = t.patient !== undefined ? (demo.patientIds[(t.patient + li * 13) % demo.patientIds.length] ?? null) : null;
      return {
        organization_id: demo.organizationId,
        location_id: loc.id,
        title: t.title,
        note: t.note,
        assignee_id: demo.userIds[t.role],
        due_on: t.dueIn === null ? null : addDays(today, t.dueIn),
        priority: t.priority,
        status: t.done ? ('done' as const) : ('open' as const),
        patient_id: patientId,
        completed_at: t.done ? new Date(now.getTime() - 20 * 3600_000) : null,
        completed_by: t.done ? demo.userIds[t.role] : null,
        created_by: demo.userIds.office_manager,
        created_at: new Date(now.getTime() - (3 + i) * 86_400_000),
        updated_at: new Date(now.getTime() - (3 + i) * 86_400_000),
      };
    }),
  );
  if (rows.length) await db.insertInto('tasks').values(rows).execute();
};
