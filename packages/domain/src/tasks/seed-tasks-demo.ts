/**
 * Demo tasks: a handful of everyday office jobs at each location, some for the front desk,
 * one for the office manager, one about a patient, one done yesterday. The calls demo adds
 * the tasks its follow-ups became (a refill request for the nurse).
 *
 * Service levels (call-backs within a working day, refill requests within 48 hours, results
 * within three days) and, at each location, a project under way: getting ready for the
 * flu-vaccine season, a few of its tasks done, one in progress, one late.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import type { TaskKind, TaskPriority } from './tasks.tables.ts';

const TASKS: {
  title: string;
  note: string;
  role: 'front_desk' | 'office_manager' | 'nurse';
  dueIn: number | null;
  priority: TaskPriority;
  patient?: number;
  done?: boolean;
  kind?: TaskKind;
  started?: boolean;
}[] = [
  {
    title: 'Scan and index yesterday’s intake forms',
    note: '',
    role: 'front_desk',
    dueIn: 0,
    priority: 'normal',
    kind: 'paperwork',
    started: true,
  },
  {
    title: 'Request prior authorization for MRI',
    note: 'Payer portal; clinical notes attached to the referral.',
    role: 'front_desk',
    dueIn: 1,
    priority: 'high',
    patient: 3,
    kind: 'referral',
  },
  { title: 'Order printer toner for the front desk', note: 'HP 58A, two cartridges', role: 'office_manager', dueIn: 5, priority: 'low' },
  {
    title: 'Send records to the new cardiologist',
    note: 'Signed release on file.',
    role: 'front_desk',
    dueIn: -1,
    priority: 'normal',
    patient: 7,
    kind: 'paperwork',
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

const SLAS: { kind: TaskKind; hours: number }[] = [
  { kind: 'callback', hours: 8 },
  { kind: 'refill_request', hours: 48 },
  { kind: 'results', hours: 72 },
  { kind: 'referral', hours: 120 },
];

/** The project's tasks: days from today they are due, and how far along. */
const FLU_TASKS: {
  title: string;
  role: 'front_desk' | 'office_manager' | 'nurse';
  dueIn: number;
  status: 'open' | 'in_progress' | 'done';
}[] = [
  { title: 'Order this season’s flu vaccine', role: 'office_manager', dueIn: -20, status: 'done' },
  { title: 'Check the vaccine fridge temperature logger', role: 'nurse', dueIn: -10, status: 'done' },
  { title: 'Print the vaccine information statements', role: 'front_desk', dueIn: -3, status: 'open' },
  { title: 'Text patients over 65 about the walk-in flu clinic', role: 'front_desk', dueIn: 2, status: 'in_progress' },
  { title: 'Book nurse cover for the Saturday clinic', role: 'office_manager', dueIn: 6, status: 'open' },
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
        status: t.done ? ('done' as const) : t.started ? ('in_progress' as const) : ('open' as const),
        kind: t.kind ?? 'general',
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

  await db
    .insertInto('task_slas')
    .values(
      SLAS.map((l) => ({ organization_id: demo.organizationId, kind: l.kind, hours: l.hours, updated_by: demo.userIds.office_manager })),
    )
    .execute();
  for (const loc of locations) {
    const today = localDateOf(now.getTime(), loc.time_zone);
    const started = new Date(now.getTime() - 30 * 86_400_000);
    const project = await db
      .insertInto('projects')
      .values({
        organization_id: demo.organizationId,
        location_id: loc.id,
        name: 'Flu season readiness',
        description: 'Vaccine stock, patient outreach and staffing for the walk-in flu clinics.',
        owner_id: demo.userIds.office_manager,
        due_on: addDays(today, 14),
        created_by: demo.userIds.office_manager,
        created_at: started,
        updated_at: started,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('tasks')
      .values(
        FLU_TASKS.map((t, i) => ({
          organization_id: demo.organizationId,
          location_id: loc.id,
          project_id: project.id,
          title: t.title,
          assignee_id: demo.userIds[t.role],
          due_on: addDays(today, t.dueIn),
          status: t.status,
          completed_at: t.status === 'done' ? new Date(now.getTime() - (12 - i) * 86_400_000) : null,
          completed_by: t.status === 'done' ? demo.userIds[t.role] : null,
          created_by: demo.userIds.office_manager,
          created_at: new Date(started.getTime() + i * 3_600_000),
          updated_at: new Date(started.getTime() + i * 3_600_000),
        })),
      )
      .execute();
  }
};
