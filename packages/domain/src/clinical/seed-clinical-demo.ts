/**
 * Demo clinical lists for some of the demo patients (not all: a chart with nothing recorded
 * is normal too): common chronic problems with their ICD-10-CM codes, allergies (penicillin,
 * sulfa...) or a "no known allergies" statement, the medications that go with the problems,
 * and a few prescriptions written by the first provider (the demo clinician).
 */
import type { DemoSeeder } from '../demo/index.ts';
import { findIcd10Codes } from '../codes/index.ts';
import { seededRandom } from '../shared/random.ts';
import { deaWithCheckDigit } from './dea-number.ts';
import type { AllergySeverity, MedicationRoute } from './clinical.tables.ts';

interface Condition {
  code: string;
  meds: { name: string; dose: string; route: MedicationRoute; frequency: string; form: string; sig: string; qty: number; unit: string }[];
}

const CONDITIONS: Condition[] = [
  {
    code: 'I10',
    meds: [
      {
        name: 'Lisinopril',
        dose: '10 mg',
        route: 'oral',
        frequency: 'once daily',
        form: 'tablet',
        sig: 'Take 1 tablet by mouth once daily.',
        qty: 90,
        unit: 'tablets',
      },
    ],
  },
  {
    code: 'E11.9',
    meds: [
      {
        name: 'Metformin',
        dose: '500 mg',
        route: 'oral',
        frequency: 'twice daily with meals',
        form: 'tablet',
        sig: 'Take 1 tablet by mouth twice daily with meals.',
        qty: 180,
        unit: 'tablets',
      },
    ],
  },
  {
    code: 'E78.5',
    meds: [
      {
        name: 'Atorvastatin',
        dose: '20 mg',
        route: 'oral',
        frequency: 'once daily at bedtime',
        form: 'tablet',
        sig: 'Take 1 tablet by mouth at bedtime.',
        qty: 90,
        unit: 'tablets',
      },
    ],
  },
  {
    code: 'J45.909',
    meds: [
      {
        name: 'Albuterol HFA',
        dose: '90 mcg/actuation',
        route: 'inhaled',
        frequency: '2 puffs every 4-6 hours as needed',
        form: 'inhaler',
        sig: 'Inhale 2 puffs every 4 to 6 hours as needed for wheezing.',
        qty: 1,
        unit: 'inhaler',
      },
    ],
  },
  {
    code: 'K21.9',
    meds: [
      {
        name: 'Omeprazole',
        dose: '20 mg',
        route: 'oral',
        frequency: 'once daily before breakfast',
        form: 'capsule',
        sig: 'Take 1 capsule by mouth daily before breakfast.',
        qty: 30,
        unit: 'capsules',
      },
    ],
  },
  {
    code: 'E03.9',
    meds: [
      {
        name: 'Levothyroxine',
        dose: '50 mcg',
        route: 'oral',
        frequency: 'once daily on an empty stomach',
        form: 'tablet',
        sig: 'Take 1 tablet by mouth every morning on an empty stomach.',
        qty: 90,
        unit: 'tablets',
      },
    ],
  },
  {
    code: 'F41.1',
    meds: [
      {
        name: 'Sertraline',
        dose: '50 mg',
        route: 'oral',
        frequency: 'once daily',
        form: 'tablet',
        sig: 'Take 1 tablet by mouth once daily.',
        qty: 30,
        unit: 'tablets',
      },
    ],
  },
  { code: 'M54.50', meds: [] },
  { code: 'E66.9', meds: [] },
];

const ALLERGIES: { substance: string; reaction: string; severity: AllergySeverity }[] = [
  { substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' },
  { substance: 'Sulfonamide antibiotics (sulfa)', reaction: 'Rash', severity: 'mild' },
  { substance: 'Codeine', reaction: 'Nausea and vomiting', severity: 'mild' },
  { substance: 'Peanuts', reaction: 'Anaphylaxis', severity: 'life_threatening' },
  { substance: 'Latex', reaction: 'Contact dermatitis', severity: 'mild' },
  { substance: 'Shellfish', reaction: 'Throat swelling', severity: 'severe' },
];

const OUTSIDE_PRESCRIBERS = ['Dr. Janet Hsu (cardiology)', 'Dr. Omar Farouk (endocrinology)'];

export const seedClinicalDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  const rnd = seededRandom(20_260_142);
  const clinicianProvider = demo.providerIds[0] as string;
  const clinicianUser = demo.userIds.clinician;
  const today = clock.now().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const codes = await findIcd10Codes(demo.ctx, [...CONDITIONS.map((c) => c.code), 'J06.9']);
  const uri = codes.get('J06.9');
  // The code set may be absent (a database without the reference data): then no problems, the rest still.
  const dea = deaWithCheckDigit('BM', '482615');
  // Every third patient of the first 60 gets a chart; every seventh of those states no known allergies.
  const charted = demo.patientIds.slice(0, 60).filter((_, i) => i % 3 === 0);
  for (const [n, patientId] of charted.entries()) {
    const conditions = CONDITIONS.filter(() => rnd.next() < 0.3).slice(0, 4);
    if (conditions.length === 0) conditions.push(CONDITIONS[n % CONDITIONS.length] as Condition);
    for (const c of conditions) {
      const code = codes.get(c.code);
      if (!code) continue;
      await db
        .insertInto('problems')
        .values({
          organization_id: org,
          patient_id: patientId,
          code: code.code,
          billable: code.billable,
          description: code.description,
          onset_date: daysAgo(365 + Math.floor(rnd.next() * 3000)),
          created_by: clinicianUser,
        })
        .execute();
    }
    if (uri && n % 5 === 4) {
      await db
        .insertInto('problems')
        .values({
          organization_id: org,
          patient_id: patientId,
          code: uri.code,
          billable: uri.billable,
          description: uri.description,
          onset_date: daysAgo(60),
          status: 'resolved',
          resolved_date: daysAgo(50),
          created_by: clinicianUser,
        })
        .execute();
    }
    if (n % 7 === 0) {
      await db
        .insertInto('allergy_statements')
        .values({ organization_id: org, patient_id: patientId, status: 'nka', recorded_at: clock.now(), recorded_by: clinicianUser })
        .execute();
    } else if (n % 7 !== 3) {
      const allergy = ALLERGIES[n % ALLERGIES.length] as (typeof ALLERGIES)[number];
      const extra = n % 4 === 1 ? [ALLERGIES[(n + 1) % ALLERGIES.length] as (typeof ALLERGIES)[number]] : [];
      for (const a of [allergy, ...extra]) {
        await db
          .insertInto('allergies')
          .values({ organization_id: org, patient_id: patientId, ...a, created_by: clinicianUser })
          .execute();
      }
      await db
        .insertInto('allergy_statements')
        .values({
          organization_id: org,
          patient_id: patientId,
          status: 'has_allergies',
          recorded_at: clock.now(),
          recorded_by: clinicianUser,
        })
        .execute();
    }
    for (const [i, c] of conditions.entries()) {
      for (const m of c.meds) {
        const outside = (n + i) % 4 === 2;
        const start = daysAgo(200 + Math.floor(rnd.next() * 700));
        const med = await db
          .insertInto('medications')
          .values({
            organization_id: org,
            patient_id: patientId,
            name: m.name,
            dose: m.dose,
            route: m.route,
            frequency: m.frequency,
            start_date: start,
            prescriber_provider_id: outside ? null : clinicianProvider,
            prescriber_name: outside ? (OUTSIDE_PRESCRIBERS[n % 2] as string) : null,
            created_by: clinicianUser,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!outside && n % 2 === 0) {
          await db
            .insertInto('prescriptions')
            .values({
              organization_id: org,
              patient_id: patientId,
              medication_id: med.id,
              drug_name: m.name,
              strength: m.dose,
              form: m.form,
              sig: m.sig,
              quantity: m.qty,
              quantity_unit: m.unit,
              refills: 3,
              prescriber_provider_id: clinicianProvider,
              dea_number: m.name === 'Sertraline' ? null : dea,
              written_date: i % 2 ? today : daysAgo(30 + Math.floor(rnd.next() * 60)),
              created_by: clinicianUser,
            })
            .execute();
        }
      }
    }
    // A stopped medication now and then: history on the list.
    if (n % 6 === 5) {
      await db
        .insertInto('medications')
        .values({
          organization_id: org,
          patient_id: patientId,
          name: 'Amoxicillin',
          dose: '500 mg',
          route: 'oral',
          frequency: 'three times daily for 10 days',
          start_date: daysAgo(120),
          stop_date: daysAgo(110),
          status: 'stopped',
          prescriber_provider_id: clinicianProvider,
          created_by: clinicianUser,
        })
        .execute();
    }
  }
};
