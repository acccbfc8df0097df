/**
 * Demo calls at each location over the last two days: a refill request whose follow-up became
 * a task for the nurse, a missed call and a voicemail waiting for a call back (one from a number
 * no patient has), a billing question and a results call settled, a message left for a patient,
 * a complaint about a wait. Callers' numbers are their own, so the log shows their names.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { getPatient } from '../patients/index.ts';
import { systemCtx } from '../shared/context.ts';
import { createTask } from '../tasks/index.ts';
import type { CallDirection, CallOutcome, CallReason, FollowUpState } from './calls.tables.ts';

interface DemoCall {
  minutesAgo: number;
  direction: CallDirection;
  /** Index into the practice's open records; null: a number no patient has. */
  patient: number | null;
  reason: CallReason;
  note: string;
  outcome: CallOutcome | null;
  followUp: FollowUpState;
  assignee?: 'front_desk' | 'nurse' | 'biller';
  task?: { title: string; priority: 'normal' | 'high' };
}

const CALLS: DemoCall[] = [
  {
    minutesAgo: 35,
    direction: 'inbound',
    patient: 0,
    reason: 'refill_request',
    note: 'Needs a refill of lisinopril 10 mg, five days left. Pharmacy: CVS on Main Street.',
    outcome: 'message_taken',
    followUp: 'open',
    assignee: 'nurse',
    task: { title: 'Refill request: lisinopril 10 mg', priority: 'high' },
  },
  { minutesAgo: 50, direction: 'inbound', patient: 1, reason: 'appointment', note: '', outcome: 'missed', followUp: 'open' },
  {
    minutesAgo: 80,
    direction: 'inbound',
    patient: null,
    reason: 'other',
    note: 'Voicemail: asking whether the practice takes new patients with Medicare.',
    outcome: 'voicemail',
    followUp: 'open',
    assignee: 'front_desk',
  },
  {
    minutesAgo: 140,
    direction: 'inbound',
    patient: 2,
    reason: 'billing_question',
    note: 'Asked about the explanation of benefits; explained the $25 copay applies.',
    outcome: 'resolved',
    followUp: 'none',
  },
  {
    minutesAgo: 200,
    direction: 'outbound',
    patient: 3,
    reason: 'results',
    note: 'Left a message to call back about lab results (no details on the machine).',
    outcome: 'left_voicemail',
    followUp: 'open',
    assignee: 'front_desk',
  },
  {
    minutesAgo: 60 * 22,
    direction: 'inbound',
    patient: 4,
    reason: 'complaint',
    note: 'Upset about waiting 45 minutes past the appointment time on Tuesday; complaint logged for the office manager.',
    outcome: 'resolved',
    followUp: 'none',
  },
  {
    minutesAgo: 60 * 26,
    direction: 'inbound',
    patient: 5,
    reason: 'results',
    note: 'Wanted the cholesterol results; the nurse called back and went over them.',
    outcome: 'message_taken',
    followUp: 'done',
    assignee: 'nurse',
  },
];

export const seedCallsDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const ctx = systemCtx(db, clock, demo.organizationId, 'demo-seed:calls', demo.ctx.requestId, { baseDb: demo.ctx.baseDb });
  const now = clock.now().getTime();
  const open = await db
    .selectFrom('patient_names')
    .select('id')
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.patientIds)
    .where('restricted', '=', false)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  for (const [li, locationId] of demo.locationIds.entries()) {
    for (const c of CALLS) {
      const patientId = c.patient === null ? null : open[(c.patient + li * 7) % Math.max(open.length, 1)]?.id;
      const phone = patientId ? (await getPatient(ctx, patientId)).phones[0]?.number : undefined;
      const e164 = phone ? `+1${phone.replace(/\D/g, '').slice(-10)}` : `+1303555${String(140 + li).padStart(4, '0')}`;
      const call = await db
        .insertInto('calls')
        .values({
          organization_id: demo.organizationId,
          location_id: locationId,
          direction: c.direction,
          phone: e164,
          patient_id: phone ? (patientId ?? null) : null,
          reason: c.reason,
          note: c.note,
          outcome: c.outcome,
          follow_up: c.followUp,
          assigned_to: c.assignee ? demo.userIds[c.assignee] : null,
          taken_by: demo.userIds.front_desk,
          occurred_at: new Date(now - c.minutesAgo * 60_000),
          created_at: new Date(now - c.minutesAgo * 60_000),
          updated_at: new Date(now - c.minutesAgo * 60_000),
        })
        .returning(['id', 'patient_id'])
        .executeTakeFirstOrThrow();
      if (!c.task) continue;
      const task = await createTask(ctx, {
        title: c.task.title,
        note: c.note,
        priority: c.task.priority,
        locationId,
        ...(c.assignee && { assigneeId: demo.userIds[c.assignee] }),
        ...(call.patient_id && { patientId: call.patient_id }),
        source: 'call',
        sourceId: call.id,
      });
      await db.updateTable('calls').set({ task_id: task.id }).where('id', '=', call.id).execute();
    }
  }
};
