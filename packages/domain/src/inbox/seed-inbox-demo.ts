/**
 * Demo staff messages: a refill request from the front desk waiting in the demo clinician's
 * queue (a medication the clinician prescribed), a nurse's question about a patient answered by
 * the front desk, and a note to the office manager about supplies, already done. The seeder
 * writes its own rows, as the people would have.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { medicationsForRefill } from '../clinical/index.ts';

export const seedInboxDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  const now = clock.now().getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000);
  const users = demo.userIds;
  const clinicianProvider = demo.providerIds[0];
  // The first open records in a fixed order, and one with an active medication the clinician prescribed.
  const open = await db
    .selectFrom('patient_names')
    .select('id')
    .where('organization_id', '=', org)
    .where('restricted', '=', false)
    .orderBy('family_name')
    .orderBy('id')
    .limit(40)
    .execute();
  let refill: { patientId: string; id: string; name: string } | null = null;
  for (const p of open) {
    const med = (await medicationsForRefill(demo.ctx, p.id)).find((m) => m.prescriberProviderId === clinicianProvider);
    if (med) {
      refill = { patientId: p.id, id: med.id, name: [med.name, med.dose].filter(Boolean).join(' ') };
      break;
    }
  }

  async function thread(
    t: {
      kind?: 'message' | 'refill_request';
      subject: string;
      patientId?: string;
      providerId?: string;
      medication?: { id: string; name: string };
    },
    assignedTo: string | null,
    messages: [string, string, number][],
    doneMinutesAgo?: number,
  ) {
    const last = messages[messages.length - 1] as [string, string, number];
    const first = messages[0] as [string, string, number];
    const row = await db
      .insertInto('staff_threads')
      .values({
        organization_id: org,
        kind: t.kind ?? 'message',
        subject: t.subject,
        patient_id: t.patientId ?? null,
        medication_id: t.medication?.id ?? null,
        medication_name: t.medication?.name ?? null,
        provider_id: t.providerId ?? null,
        assigned_to: assignedTo,
        created_by: first[0],
        done_at: doneMinutesAgo === undefined ? null : ago(doneMinutesAgo),
        done_by: doneMinutesAgo === undefined ? null : assignedTo,
        last_message_at: ago(last[2]),
        created_at: ago(first[2]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staff_messages')
      .values(
        messages.map(([author, body, minutes]) => ({
          organization_id: org,
          thread_id: row.id,
          author_id: author,
          body,
          created_at: ago(minutes),
        })),
      )
      .execute();
    // Each author has read the thread up to their own last message.
    const readers = new Map(messages.map(([author, , minutes]) => [author, minutes]));
    await db
      .insertInto('staff_thread_reads')
      .values([...readers].map(([user, minutes]) => ({ organization_id: org, thread_id: row.id, user_id: user, read_at: ago(minutes) })))
      .execute();
  }

  if (refill && clinicianProvider)
    await thread(
      {
        kind: 'refill_request',
        subject: `Refill request: ${refill.name}`,
        patientId: refill.patientId,
        providerId: clinicianProvider,
        medication: refill,
      },
      users.clinician,
      [[users.front_desk, 'Patient called: down to three days of tablets, asks for a 90-day supply sent to the same pharmacy.', 35]],
    );
  const [second, third] = open.map((p) => p.id).filter((id) => id !== refill?.patientId);
  if (second)
    await thread({ subject: 'Lab order before next visit?', patientId: second }, users.front_desk, [
      [users.nurse, 'Can you check whether the fasting lipid panel was drawn? If not, please call to book the lab before the visit.', 180],
      [users.front_desk, 'Not drawn yet. Left a voicemail asking her to come in fasting any morning this week.', 95],
      [users.nurse, 'Thanks. I will flag it for the doctor if it is still missing on the day.', 60],
    ]);
  if (third)
    await thread({ subject: 'Insurance card on file is expired', patientId: third }, null, [
      [users.biller, 'The card scanned in March shows an end date of last month. Please ask for the new card at check-in.', 240],
    ]);
  await thread(
    { subject: 'Exam table paper running low' },
    users.office_manager,
    [
      [users.front_desk, 'Rooms 2 and 3 are on their last rolls; can we add it to this week’s supply order?', 2000],
      [users.office_manager, 'Ordered two cases, arriving Thursday.', 1900],
    ],
    1900,
  );
};
