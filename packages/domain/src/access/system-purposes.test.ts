import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { PERMISSIONS, type Permission, SYSTEM_PURPOSES, type SystemPurpose } from './permissions.ts';
import { requirePatientAccess } from './patient-access.ts';
import { patientAccessMany } from './patient-access-many.ts';
import { can, requirePermission } from './require-permission.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const PURPOSES = Object.keys(SYSTEM_PURPOSES) as SystemPurpose[];
const CLINICAL: Permission[] = ['note:read', 'note:write', 'note:sign', 'break_glass'];
const ctxFor = (purpose: SystemPurpose) => systemCtx({} as Db, systemClock, '00000000-0000-4000-8000-000000000001', purpose, 'unit');

/** The TypeScript files under `dir` (relative to the repository), without node_modules. */
function sources(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : walk(p);
      return /\.tsx?$/.test(e.name) ? [p] : [];
    });
  return walk(path.join(ROOT, dir));
}
const appSources = () => [...sources('packages'), ...sources('apps')].filter((f) => !f.endsWith('.test.ts'));

describe('system purposes', () => {
  it('hold known permissions, never a clinical one', () => {
    for (const purpose of PURPOSES) {
      const held: readonly Permission[] = SYSTEM_PURPOSES[purpose].permissions;
      expect(held.length, purpose).toBeGreaterThan(0);
      for (const p of held) expect(Object.keys(PERMISSIONS), `${purpose}: ${p}`).toContain(p);
      for (const p of CLINICAL) expect(held, `${purpose} holds ${p}`).not.toContain(p);
    }
  });

  it('give a system actor only its purpose’s permissions: no note:sign, and FORBIDDEN outside its set', () => {
    for (const purpose of PURPOSES) {
      const ctx = ctxFor(purpose);
      expect(ctx.actor).toMatchObject({ kind: 'system', purpose });
      expect(can(ctx, 'note:sign'), purpose).toBe(false);
      const held: readonly Permission[] = SYSTEM_PURPOSES[purpose].permissions;
      for (const p of Object.keys(PERMISSIONS) as Permission[]) {
        expect(can(ctx, p), `${purpose} ${p}`).toBe(held.includes(p));
        if (!held.includes(p)) expect(() => requirePermission(ctx, p)).toThrow(AppError);
      }
    }
    // The no-show job may move a visit, and nothing else.
    const job = ctxFor('job:no-show');
    expect(() => requirePermission(job, 'appointment:write')).not.toThrow();
    for (const p of ['patient:read', 'user:manage', 'note:sign'] as const) {
      expect(() => requirePermission(job, p)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  it('cannot be widened through the context: the permission set is the purpose’s own copy', () => {
    const a = ctxFor('cli:import-patients');
    const b = ctxFor('cli:import-patients');
    if (a.actor.kind !== 'system') throw new Error('not a system actor');
    (a.actor.permissions as Set<Permission>).add('note:sign');
    expect(can(b, 'note:sign')).toBe(false);
    expect(can(ctxFor('cli:import-patients'), 'note:sign')).toBe(false);
  });

  it('are built in one place: only shared/context.ts makes a system actor', () => {
    const builders = appSources().filter((f) => /kind:\s*'system'/.test(fs.readFileSync(f, 'utf8')));
    expect(builders.map((f) => path.relative(ROOT, f))).toEqual(['packages/domain/src/shared/context.ts']);
  });

  it('are each used by the application, and the broad `tests` purpose only by tests', () => {
    const text = appSources()
      .filter((f) => !f.endsWith(path.join('access', 'permissions.ts')))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const purpose of PURPOSES) {
      if (purpose === 'tests') expect(text).not.toMatch(/'tests'/);
      else expect(text, purpose).toContain(`'${purpose}'`);
    }
  });

  it('reach a restricted record only for a purpose marked for it; to the others it is not found, as to a stranger', async () => {
    const patientId = '00000000-0000-4000-8000-0000000000aa';
    const restricted = { row: { restricted: true } };
    for (const purpose of PURPOSES) {
      const ctx = ctxFor(purpose);
      const held: readonly Permission[] = SYSTEM_PURPOSES[purpose].permissions;
      const permission: Permission = held.includes('patient:read') ? 'patient:read' : (held[0] as Permission);
      const marked = 'restrictedRecords' in SYSTEM_PURPOSES[purpose];
      const single = requirePatientAccess(ctx, patientId, permission, restricted);
      if (marked) await expect(single, purpose).resolves.toEqual({ patientId, breakGlass: false });
      else await expect(single, purpose).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // On a list the same record is a placeholder (null), decided without a query.
      const many = await patientAccessMany(ctx, [{ id: patientId, restricted: true }]);
      expect(many.get(patientId), purpose).toEqual(marked ? { patientId, breakGlass: false } : null);
    }
    // The calendar feed never shows a restricted patient's name, even when the practice shows names.
    expect('restrictedRecords' in SYSTEM_PURPOSES['ical-feed:patient-names']).toBe(false);
  });
});
