/**
 * Demo complaints: this month's and last month's, of several kinds and severities, one overdue,
 * two resolved with the patient told, one from a relative, so the list and the monthly report
 * have something to show.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { addDays, localDateOf } from '../scheduling/index.ts';
import type { ComplaintCategory, ComplaintSeverity, ComplaintStatus } from './complaints.tables.ts';

const COMPLAINTS: {
  daysAgo: number;
  patient: number | null;
  complainant?: string;
  description: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  dueIn: number;
  resolution?: string;
  informed?: boolean;
}[] = [
  {
    daysAgo: 2,
    patient: 4,
    description: 'Waited 45 minutes past the appointment time; nobody explained the delay.',
    category: 'wait_time',
    severity: 'medium',
    status: 'open',
    dueIn: 12,
  },
  {
    daysAgo: 20,
    patient: 9,
    description: 'Statement showed a balance the insurance had already paid.',
    category: 'billing',
    severity: 'low',
    status: 'resolved',
    dueIn: 14,
    resolution: 'Posted the missing remittance; corrected statement mailed.',
    informed: true,
  },
  {
    daysAgo: 9,
    patient: null,
    complainant: 'Maria Lopez (daughter of a patient)',
    description: 'Front desk was curt on the phone when she asked about her mother’s visit.',
    category: 'staff_conduct',
    severity: 'medium',
    status: 'investigating',
    dueIn: 7,
  },
  {
    daysAgo: 35,
    patient: 14,
    description: 'Felt the provider rushed the visit and did not address the knee pain.',
    category: 'clinical_care',
    severity: 'high',
    status: 'closed',
    dueIn: 10,
    resolution: 'Medical director reviewed the note and called the patient; follow-up visit booked.',
    informed: true,
  },
  {
    daysAgo: 5,
    patient: 21,
    description: 'Lab results were left on a voicemail the family could hear.',
    category: 'privacy',
    severity: 'high',
    status: 'open',
    dueIn: 3,
  },
];

export const seedComplaintsDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const now = clock.now();
  const [loc] = await db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.locationIds)
    .orderBy('name')
    .execute();
  if (!loc) return;
  const open = await db
    .selectFrom('patient_names')
    .select('id')
    .where('organization_id', '=', demo.organizationId)
    .where('id', 'in', demo.patientIds)
    .where('restricted', '=', false)
    .orderBy('id')
    .execute();
  const today = localDateOf(now.getTime(), loc.time_zone);
  await db
    .insertInto('complaints')
    .values(
      COMPLAINTS.map((c) => {
        const receivedOn = addDays(today, -c.daysAgo);
        const done = c.status === 'resolved' || c.status === 'closed';
        return {
          organization_id: demo.organizationId,
          location_id: loc.id,
          patient_id: c.patient === null ? null : (open[c.patient % Math.max(open.length, 1)]?.id ?? null),
          complainant: c.complainant ?? '',
          received_on: receivedOn,
          description: c.description,
          category: c.category,
          severity: c.severity,
          owner_id: demo.userIds.office_manager,
          due_on: addDays(receivedOn, c.dueIn),
          status: c.status,
          resolution: c.resolution ?? null,
          resolved_on: done ? addDays(receivedOn, Math.min(c.dueIn, c.daysAgo)) : null,
          patient_informed: c.informed ?? false,
          created_by: demo.userIds.front_desk,
          created_at: new Date(now.getTime() - c.daysAgo * 86_400_000),
          updated_at: new Date(now.getTime() - c.daysAgo * 86_400_000),
        };
      }),
    )
    .execute();
};
