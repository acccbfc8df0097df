/**
 * Vitals: plausible ranges (the same as migration 0136's CHECKs, so a bad value answers 400
 * naming the field before the database would refuse it) and the body-mass index. Pure.
 */
export const VITAL_RANGES = {
  systolic: { min: 40, max: 300, unit: 'mm Hg' },
  diastolic: { min: 20, max: 200, unit: 'mm Hg' },
  heartRate: { min: 20, max: 300, unit: 'beats/min' },
  respiratoryRate: { min: 4, max: 80, unit: 'breaths/min' },
  spo2: { min: 50, max: 100, unit: '%' },
  temperature: { F: { min: 80, max: 115 }, C: { min: 26.5, max: 46 } },
  weight: { lb: { min: 0.5, max: 1500 }, kg: { min: 0.2, max: 680 } },
  height: { in: { min: 8, max: 108 }, cm: { min: 20, max: 275 } },
} as const;

const KG_PER_LB = 0.45359237;
const M_PER_IN = 0.0254;

/** kg/m² to one decimal, from weight and height in either unit; null when one is missing. */
export function bodyMassIndex(
  weight: { value: number; unit: 'lb' | 'kg' } | null,
  height: { value: number; unit: 'in' | 'cm' } | null,
): number | null {
  if (!weight || !height) return null;
  const kg = weight.unit === 'kg' ? weight.value : weight.value * KG_PER_LB;
  const m = height.unit === 'cm' ? height.value / 100 : height.value * M_PER_IN;
  if (m <= 0) return null;
  return Math.round((kg / (m * m)) * 10) / 10;
}

/** Rounds to the column's scale, so what is answered is what was stored. */
export const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
