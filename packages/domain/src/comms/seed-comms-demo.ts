import { smsContactOf } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * The demo practice reminds 72 h and 24 h before each visit, and the reminders of the next two
 * visits after tomorrow bounced (a mistyped address, a full mailbox): the front desk's home page lists
 * them to call, as a real office's would.
 */
export async function seedCommsDemo(demo: { ctx: Ctx; organizationId: string; userIds?: Partial<Record<string, string>> }): Promise<void> {
  await seedEmailDemo(demo);
  await seedTextsDemo(demo);
}

async function seedEmailDemo(demo: { ctx: Ctx; organizationId: string }): Promise<void> {
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

/**
 * A few weeks of texts: reminders by text answered C, a patient's question waiting in the desk's
 * inbox, a text from a number no patient has. The demo's SMS account is left unset (nothing real
 * to send through): the chart's text box says texts are not set up until Admin → Reminders has one.
 */
async function seedTextsDemo(demo: { ctx: Ctx; organizationId: string; userIds?: Partial<Record<string, string>> }): Promise<void> {
  const { db, clock } = demo.ctx;
  const now = clock.now().getTime();
  const hours = (h: number) => new Date(now + h * 3_600_000);
  const visits = await db
    .selectFrom('appointment_times as a')
    .innerJoin('patient_names as p', 'p.id', 'a.patient_id')
    .select(['a.id', 'a.patient_id', 'a.starts_at', 'p.given_name'])
    .where('a.organization_id', '=', demo.organizationId)
    .where('p.restricted', '=', false)
    .where('a.status', 'in', ['scheduled', 'confirmed'])
    .where('a.starts_at', '>', hours(30))
    .orderBy('a.starts_at')
    .offset(2)
    .limit(12)
    .execute();
  const texted: { visit: (typeof visits)[number]; mobile: string }[] = [];
  for (const v of visits) {
    const c = await smsContactOf(db, demo.organizationId, v.patient_id);
    if (c.consentSmsReminders && c.mobile && !texted.some((t) => t.visit.patient_id === v.patient_id))
      texted.push({ visit: v, mobile: c.mobile });
    if (texted.length === 3) break;
  }
  const practiceNumber = '+13035550100';
  const desk = demo.userIds?.front_desk ?? null;
  let sid = 0;
  const sidOf = (prefix: string) => `${prefix}demo${String(++sid).padStart(28, '0')}`;
  for (const [i, t] of texted.entries()) {
    const sentAt = hours(-(20 + i * 7));
    await db
      .insertInto('messages')
      .values({
        organization_id: demo.organizationId,
        patient_id: t.visit.patient_id,
        kind: 'text',
        channel: 'sms',
        to_address: t.mobile,
        body: `Hi ${t.visit.given_name}, this is the front desk. Please bring your insurance card and a list of your medications to your next visit. Reply here with any questions.`,
        subject: 'Please bring your insurance card and medication list',
        status: i === 2 ? 'sent' : 'delivered',
        provider_message_id: sidOf('SM'),
        sent_at: sentAt,
        created_at: sentAt,
      })
      .execute();
    const reply =
      i === 0
        ? { body: 'C', action: 'confirmed' as const, appointment_id: t.visit.id, handled: false }
        : i === 1
          ? { body: 'Can I come 15 minutes later? My bus gets in at 9:10.', action: 'inbox' as const, appointment_id: null, handled: false }
          : { body: 'Thanks, will do!', action: 'inbox' as const, appointment_id: null, handled: true };
    await db
      .insertInto('sms_inbound')
      .values({
        organization_id: demo.organizationId,
        message_sid: sidOf('SM'),
        from_number: t.mobile,
        to_number: practiceNumber,
        body: reply.body,
        patient_id: t.visit.patient_id,
        action: reply.action,
        appointment_id: reply.appointment_id,
        received_at: hours(-(19 + i * 7)),
        ...(reply.handled && desk ? { handled_at: hours(-(18 + i * 7)), handled_by: desk } : {}),
      })
      .execute();
  }
  await db
    .insertInto('sms_inbound')
    .values({
      organization_id: demo.organizationId,
      message_sid: sidOf('SM'),
      from_number: '+17205550199',
      to_number: practiceNumber,
      body: 'Hello, do you take new patients with Medicaid?',
      action: 'inbox',
      received_at: hours(-2),
    })
    .execute();
}

/**
 * The demo's recall outreach as history: the messages a demo seeder queued in the past (a recall
 * campaign's emails and texts) stand as sent when they were written, as the demo's reminders and
 * texts do. The demo has no mail server or SMS account to send through; the send jobs queued
 * with them find nothing left to send.
 */
export async function settleDemoOutreach(demo: { ctx: Ctx; organizationId: string }): Promise<number> {
  const rows = await demo.ctx.db
    .updateTable('messages')
    .set((eb) => ({ status: 'sent', sent_at: eb.ref('created_at') }))
    .where('organization_id', '=', demo.organizationId)
    .where('kind', '=', 'recall')
    .where('status', '=', 'queued')
    .where('created_at', '<', demo.ctx.clock.now())
    .returning('id')
    .execute();
  return rows.length;
}
