import { describe, expect, it } from 'vitest';
import { permissionsAt, permissionsOf, type RoleAssignment } from './permissions.ts';

const HERE = '11111111-1111-4111-8111-111111111111';
const THERE = '22222222-2222-4222-8222-222222222222';

describe('permissionsOf (a resolved session’s permissions, worked out once)', () => {
  const roles: readonly RoleAssignment[] = [
    { role: 'front_desk', locationId: null },
    { role: 'biller', locationId: HERE },
  ];

  it('answers what permissionsAt answers, at each location and with none', () => {
    for (const at of [null, HERE, THERE]) expect([...permissionsOf(roles, at)].sort()).toEqual([...permissionsAt(roles, at)].sort());
  });

  it('keeps a role granted at one location to that location', () => {
    expect(permissionsOf(roles, HERE).has('claim:submit')).toBe(true);
    expect(permissionsOf(roles, THERE).has('claim:submit')).toBe(false);
    expect(permissionsOf(roles, null).has('claim:submit')).toBe(false);
  });

  it('gives one shared set per roles list and location, and a new list its own', () => {
    expect(permissionsOf(roles, HERE)).toBe(permissionsOf(roles, HERE));
    expect(permissionsOf(roles, HERE)).not.toBe(permissionsOf(roles, THERE));
    // A session read again from the database has a new list: a changed role is never answered from the old one.
    const changed: readonly RoleAssignment[] = [{ role: 'front_desk', locationId: null }];
    expect(permissionsOf(changed, HERE).has('claim:submit')).toBe(false);
  });

  it('cannot be widened at run time: the shared set refuses changes', () => {
    const set = permissionsOf(roles, THERE) as Set<string>;
    expect(() => set.add('user:manage')).toThrow(TypeError);
    expect(() => set.delete('org:read')).toThrow(TypeError);
    expect(() => set.clear()).toThrow(TypeError);
    expect(permissionsOf(roles, THERE).has('user:manage')).toBe(false);
    expect(permissionsOf(roles, THERE).has('org:read')).toBe(true);
  });
});
