/**
 * The demo practice's procedure list: a family practice's everyday codes with its own plain
 * descriptions (CPT descriptions are licensed by the AMA and none ship) and fees in cents, set
 * at roughly 150-200% of the 2025 Medicare physician fee schedule, as practices commonly do.
 */
import type { DemoSeeder } from '../demo/index.ts';

export const DEMO_PROCEDURES: { code: string; description: string; fee: number; units?: boolean }[] = [
  { code: '99202', description: 'New patient office visit, straightforward (15-29 min)', fee: 12500 },
  { code: '99203', description: 'New patient office visit, low complexity (30-44 min)', fee: 19000 },
  { code: '99204', description: 'New patient office visit, moderate complexity (45-59 min)', fee: 28500 },
  { code: '99205', description: 'New patient office visit, high complexity (60-74 min)', fee: 37500 },
  { code: '99211', description: 'Established patient visit, nurse only', fee: 4500 },
  { code: '99212', description: 'Established patient office visit, straightforward (10-19 min)', fee: 9500 },
  { code: '99213', description: 'Established patient office visit, low complexity (20-29 min)', fee: 15000 },
  { code: '99214', description: 'Established patient office visit, moderate complexity (30-39 min)', fee: 21500 },
  { code: '99215', description: 'Established patient office visit, high complexity (40-54 min)', fee: 30000 },
  { code: '99381', description: 'New patient physical, infant under 1 year', fee: 22000 },
  { code: '99382', description: 'New patient physical, age 1-4', fee: 23000 },
  { code: '99383', description: 'New patient physical, age 5-11', fee: 23000 },
  { code: '99384', description: 'New patient physical, age 12-17', fee: 25000 },
  { code: '99385', description: 'New patient physical, age 18-39', fee: 25000 },
  { code: '99386', description: 'New patient physical, age 40-64', fee: 29000 },
  { code: '99387', description: 'New patient physical, age 65 and over', fee: 31500 },
  { code: '99391', description: 'Annual physical, infant under 1 year', fee: 19500 },
  { code: '99392', description: 'Annual physical, age 1-4', fee: 21000 },
  { code: '99393', description: 'Annual physical, age 5-11', fee: 21000 },
  { code: '99394', description: 'Annual physical, age 12-17', fee: 22500 },
  { code: '99395', description: 'Annual physical, age 18-39', fee: 22500 },
  { code: '99396', description: 'Annual physical, age 40-64', fee: 24500 },
  { code: '99397', description: 'Annual physical, age 65 and over', fee: 26500 },
  { code: 'G0438', description: 'Medicare annual wellness visit, first', fee: 26000 },
  { code: 'G0439', description: 'Medicare annual wellness visit, yearly', fee: 17500 },
  { code: '99406', description: 'Quit-smoking counseling, 3-10 minutes', fee: 2500 },
  { code: '99407', description: 'Quit-smoking counseling, over 10 minutes', fee: 4500 },
  { code: '36415', description: 'Blood draw (venipuncture)', fee: 1500 },
  { code: '93000', description: 'ECG with reading and report (12 lead)', fee: 4500 },
  { code: '81002', description: 'Urine dipstick, in office', fee: 1000 },
  { code: '81025', description: 'Urine pregnancy test', fee: 2000 },
  { code: '82962', description: 'Fingerstick blood sugar (glucometer)', fee: 1000 },
  { code: '83036', description: 'Hemoglobin A1c, in office', fee: 3000 },
  { code: '85018', description: 'Hemoglobin (fingerstick)', fee: 1000 },
  { code: '87880', description: 'Rapid strep test', fee: 3000 },
  { code: '87804', description: 'Rapid flu test', fee: 3500 },
  { code: '90686', description: 'Flu vaccine, preservative free, 3 years and up', fee: 4500 },
  { code: '90471', description: 'Vaccine administration, first shot', fee: 3000 },
  { code: '90472', description: 'Vaccine administration, each additional shot', fee: 1800, units: true },
  { code: 'G0008', description: 'Flu shot administration (Medicare)', fee: 3000 },
  { code: '90715', description: 'Tdap vaccine, 7 years and up', fee: 7000 },
  { code: '96372', description: 'Injection into muscle or under the skin', fee: 4000, units: true },
  { code: 'J1030', description: 'Methylprednisolone acetate (Depo-Medrol) 40 mg', fee: 1500, units: true },
  { code: '94640', description: 'Nebulizer breathing treatment', fee: 3500, units: true },
  { code: '94760', description: 'Pulse oximetry, single reading', fee: 800 },
  { code: '69210', description: 'Ear wax removal with instruments, one ear', fee: 8000 },
  { code: '17110', description: 'Wart destruction, up to 14 lesions', fee: 17500 },
  { code: '11102', description: 'Skin biopsy by tangential (shave) technique, first lesion', fee: 16000 },
  { code: '99401', description: 'Preventive counseling, about 15 minutes', fee: 5000 },
  { code: '96127', description: 'Standardized screening questionnaire (PHQ-9, GAD-7)', fee: 800, units: true },
  { code: 'G0442', description: 'Yearly alcohol misuse screening', fee: 3000 },
  { code: 'G0444', description: 'Yearly depression screening', fee: 3000 },
];

/** The demo practice's procedure list (before the demo encounters that bill from it). */
export const seedDemoProcedures: DemoSeeder = async (demo) => {
  await demo.ctx.db
    .insertInto('procedures')
    .values(
      DEMO_PROCEDURES.map((p) => ({
        organization_id: demo.organizationId,
        code: p.code,
        description: p.description,
        default_fee_cents: p.fee,
        takes_units: p.units ?? false,
      })),
    )
    .execute();
};
