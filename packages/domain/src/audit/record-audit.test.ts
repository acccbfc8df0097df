import { describe, expect, it } from 'vitest';
import { diffFields } from './record-audit.ts';

describe('diffFields', () => {
  it('is null when nothing changed', () => {
    expect(diffFields({}, {})).toBeNull();
    expect(diffFields({ a: 1, b: 'x', c: { d: [1, 2] } }, { a: 1, b: 'x', c: { d: [1, 2] } })).toBeNull();
  });

  it('lists each changed field with its before and after', () => {
    expect(diffFields({ name: 'Main', phone: '1', active: true }, { name: 'Main St', phone: '1', active: false })).toEqual({
      name: { before: 'Main', after: 'Main St' },
      active: { before: true, after: false },
    });
  });

  it('compares nested values by content', () => {
    expect(diffFields({ address: { city: 'Amherst' } }, { address: { city: 'Hadley' } })).toEqual({
      address: { before: { city: 'Amherst' }, after: { city: 'Hadley' } },
    });
    expect(diffFields({ tags: [1, 2] }, { tags: [2, 1] })).toEqual({ tags: { before: [1, 2], after: [2, 1] } });
  });

  it('treats a missing field and undefined as null, so clearing or setting a field shows, and missing = null is no change', () => {
    expect(diffFields({ email: 'a@b.org' }, { email: null })).toEqual({ email: { before: 'a@b.org', after: null } });
    expect(diffFields({}, { email: 'a@b.org' })).toEqual({ email: { before: null, after: 'a@b.org' } });
    expect(diffFields({}, { email: null })).toBeNull();
    expect(diffFields({ email: undefined }, { email: null })).toBeNull();
  });

  it('looks only at the fields of the after side (a patch names what it changes)', () => {
    expect(diffFields({ a: 1, b: 2 }, { a: 1 })).toBeNull();
    expect(diffFields({ a: 1, b: 2 }, { b: 3 })).toEqual({ b: { before: 2, after: 3 } });
  });

  it('tells 0, false, "" and null apart', () => {
    expect(diffFields({ v: 0 }, { v: false })).not.toBeNull();
    expect(diffFields({ v: '' }, { v: null })).not.toBeNull();
    expect(diffFields({ v: 0 }, { v: null })).not.toBeNull();
    expect(diffFields({ v: '1' }, { v: 1 })).not.toBeNull();
  });
});
