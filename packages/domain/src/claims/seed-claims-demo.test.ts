import { describe, expect, it } from 'vitest';
import { remittanceRoles } from './seed-claims-demo.ts';

const claim = (id: string, lines: number) => ({ id, lines: Array.from({ length: lines }, (_, n) => ({ n })) });

describe('the demo 835 roles', () => {
  it('gives the partial payment to the first sent claim with a second line, wherever it is', () => {
    // The fault the midnight demo met: the second sent claim had one line, so nothing could be denied on it.
    const [paid, part, denied] = remittanceRoles([claim('a', 2), claim('b', 1), claim('c', 2), claim('d', 1)]);
    expect([paid.id, part.id, denied.id]).toEqual(['b', 'a', 'c']);
    const late = remittanceRoles([claim('a', 1), claim('b', 1), claim('c', 1), claim('d', 3)]);
    expect(late.map((c) => c.id)).toEqual(['a', 'd', 'b']);
    expect(late[1].lines.length).toBeGreaterThan(1);
  });

  it('with no claim of two lines, the first is the one paid in part (in full, as it has one line)', () => {
    expect(remittanceRoles([claim('a', 1), claim('b', 1), claim('c', 1), claim('d', 1)]).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('refuses fewer than three sent claims', () => {
    expect(() => remittanceRoles([claim('a', 2), claim('b', 2)])).toThrow(/three sent claims/);
  });
});
