import { describe, expect, it } from 'vitest';
import { type Permission, SYSTEM_PURPOSES, type SystemPurpose } from '../access/index.ts';
import { systemClock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { assertHoldsRoles } from './admin-guard.ts';

const PURPOSES = Object.keys(SYSTEM_PURPOSES) as SystemPurpose[];
const ctxFor = (purpose: SystemPurpose) => systemCtx({} as Db, systemClock, '00000000-0000-4000-8000-000000000001', purpose, 'unit');

describe('system actors and account management', () => {
  it('manage accounts only for a purpose that holds user:manage', () => {
    const admin = [{ role: 'admin' as const, locationId: null }];
    for (const purpose of PURPOSES) {
      const held: readonly Permission[] = SYSTEM_PURPOSES[purpose].permissions;
      const check = () => assertHoldsRoles(ctxFor(purpose), admin, 'create');
      if (held.includes('user:manage')) expect(check, purpose).not.toThrow();
      else expect(check, purpose).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });
});
