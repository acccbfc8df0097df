import type { Ctx } from '../shared/context.ts';

/**
 * The demo practice reminds 72 h and 24 h before each visit, and the reminders of the next two
 * visits after tomorrow bounced (a mistyped address, a full mailbox): the front desk's home page lists
 * them to call, as a real office's would.
 */
export async function seedCommsDemo(demo: { ctx: Ctx; organizationId: string }): Promise<void> {
  const { db, clock } = demo.ctx;
  const now = clock.now().getTime();
  const hours = (h: number) => new Date(now + h * 3_600_000);
  const rules = await db
    .insertInto('reminder_rules')
    .values([72, 24].map((hours) => ({ organization_id: demo.organizationId, hours_before: hours, channel: 'email' as const })))
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'hours_before'])
    .execute();
  const rule72 = rules.find((r) => r.hours_before === 72);
  if (!rule72) return;
  const visits = await db
    .selectFrom('appointment_times as a')
    // Patients the whole front desk can open (not restricted records).
    .innerJoin('patient_names as p', 'p.id', 'a.patient_id')
    .select(['a.id', 'a.patient_id', 'a.starts_at'])
    .where('a.organization_id', '=', demo.organizationId)
    .where('p.restricted', '=', false)
    .where('a.status', 'in', ['scheduled', 'confirmed'])
    .where('a.starts_at', '>', hours(26))
    .orderBy('a.starts_at')
    .limit(2)
    .execute();
  const errors = [
    '550 5.1.1 The email account that you tried to reach does not exist',
    '552 5.2.2 The recipient’s mailbox is full and cannot accept messages now',
  ];
  if (!visits.length) return;
  await db
    .insertInto('messages')
    .values(
      visits.map((v, i) => ({
        organization_id: demo.organizationId,
        patient_id: v.patient_id,
        appointment_id: v.id,
        rule_id: rule72.id,
        kind: 'reminder' as const,
        channel: 'email' as const,
        subject: 'Reminder: your upcoming visit',
        status: 'bounced' as const,
        error: errors[i] ?? null,
        created_at: hours(-(3 + i * 5)),
      })),
    )
    .execute();
}
