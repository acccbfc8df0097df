import { describe, expect, it } from 'vitest';
import { bodyMassIndex, roundTo } from './vitals.ts';

describe('bodyMassIndex', () => {
  it('computes kg/m² to one decimal from metric units', () => {
    expect(bodyMassIndex({ value: 70, unit: 'kg' }, { value: 175, unit: 'cm' })).toBe(22.9);
  });
  it('converts pounds and inches', () => {
    // 180 lb, 70 in: 81.65 kg / 1.778² m² = 25.83
    expect(bodyMassIndex({ value: 180, unit: 'lb' }, { value: 70, unit: 'in' })).toBe(25.8);
  });
  it('mixes units', () => {
    expect(bodyMassIndex({ value: 154.3, unit: 'lb' }, { value: 175, unit: 'cm' })).toBe(22.9);
  });
  it('is null without both measures', () => {
    expect(bodyMassIndex(null, { value: 175, unit: 'cm' })).toBeNull();
    expect(bodyMassIndex({ value: 70, unit: 'kg' }, null)).toBeNull();
  });
  it('rounds to a column scale', () => {
    expect(roundTo(98.65, 1)).toBe(98.7);
    expect(roundTo(70.123, 2)).toBe(70.12);
  });
});
