/**
 * Common payers for the demo practice (Massachusetts and Colorado). EDI payer ids
 * are the widely published ones; check them against your clearinghouse's list
 * before sending claims.
 */
import type { DemoSeeder } from '../demo/index.ts';
import type { ClaimFilingIndicator } from './insurance.schemas.ts';

export const DEMO_PAYERS: { name: string; edi: string; phone: string | null; timelyFilingDays: number; filing?: ClaimFilingIndicator }[] = [
  { name: 'Medicare Part B (NGS, Massachusetts)', edi: '14212', phone: '+18772736870', timelyFilingDays: 365, filing: 'MB' },
  { name: 'Medicare Part B (Novitas, Colorado)', edi: '04112', phone: '+18552521246', timelyFilingDays: 365, filing: 'MB' },
  { name: 'Aetna', edi: '60054', phone: '+18008727100', timelyFilingDays: 90 },
  { name: 'Cigna', edi: '62308', phone: '+18008822447', timelyFilingDays: 90 },
  { name: 'UnitedHealthcare', edi: '87726', phone: '+18778423210', timelyFilingDays: 90 },
  { name: 'Blue Cross Blue Shield of Massachusetts', edi: 'SB700', phone: '+18002622583', timelyFilingDays: 90, filing: 'BL' },
  { name: 'Anthem Blue Cross Blue Shield (Colorado)', edi: '00050', phone: '+18005338505', timelyFilingDays: 90, filing: 'BL' },
  { name: 'Humana', edi: '61101', phone: '+18004574708', timelyFilingDays: 180 },
  { name: 'MassHealth (Medicaid)', edi: 'DMA7384', phone: '+18008412900', timelyFilingDays: 90, filing: 'MC' },
  { name: 'Health First Colorado (Medicaid)', edi: 'COMCD', phone: '+18002214747', timelyFilingDays: 365, filing: 'MC' },
];

const PLANS = ['PPO', 'HMO', 'EPO', 'POS'] as const;

/** Payers, then a primary coverage for most demo patients and a secondary for a few. */
export const seedDemoInsurance: DemoSeeder = async (demo) => {
  const db = demo.ctx.db;
  const payers = await db
    .insertInto('payers')
    .values(
      DEMO_PAYERS.map((p) => ({
        organization_id: demo.organizationId,
        name: p.name,
        edi_payer_id: p.edi.length <= 10 ? p.edi : null,
        phone: p.phone,
        timely_filing_days: p.timelyFilingDays,
        claim_filing_indicator: p.filing ?? 'CI',
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const commercial = payers.filter((p) => !/Medicare|Medicaid/.test(p.name));
  const rows = demo.patientIds.flatMap((patientId, i) => {
    if (i % 10 === 9) return []; // self-pay
    const payer = commercial[i % commercial.length] as { id: string };
    const primary = {
      organization_id: demo.organizationId,
      patient_id: patientId,
      payer_id: payer.id,
      plan_name: `${PLANS[i % PLANS.length]} ${i % 3 === 0 ? 'Gold' : 'Silver'}`,
      member_id: `M${String(100_000_000 + i * 7919).slice(0, 9)}`,
      group_number: `G${1000 + (i % 37)}`,
      priority: 'primary' as const,
      effective_date: '2025-01-01',
      copays: JSON.stringify({ office: 2500, specialist: 5000, urgentCare: 7500, emergency: 25000, telehealth: 1500 }),
    };
    if (i % 15 !== 4) return [primary];
    const medicare = payers.find((p) => p.name.startsWith('Medicare')) as { id: string };
    return [
      primary,
      {
        ...primary,
        payer_id: medicare.id,
        plan_name: 'Part B',
        member_id: `1EG4TE5MK${String(i % 100).padStart(2, '0')}`,
        group_number: null,
        priority: 'secondary' as const,
        copays: '{}',
      },
    ];
  });
  if (rows.length) await db.insertInto('coverages').values(rows).execute();
};
