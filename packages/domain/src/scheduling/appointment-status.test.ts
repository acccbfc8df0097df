import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS } from './appointment-status.ts';
import { APPOINTMENT_STATUSES } from './scheduling.schemas.ts';
import type { AppointmentStatus } from './scheduling.tables.ts';

const ALL = [...APPOINTMENT_STATUSES] as AppointmentStatus[];

describe('the appointment status flow', () => {
  it('has an entry for every status, leading only to known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL].sort());
    for (const from of ALL) for (const to of TRANSITIONS[from]) expect(ALL, `${from} -> ${to}`).toContain(to);
  });

  it('follows the front-desk path scheduled → confirmed → arrived → roomed → with_provider → checked_out', () => {
    const path: AppointmentStatus[] = ['scheduled', 'confirmed', 'arrived', 'roomed', 'with_provider', 'checked_out'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} -> ${path[i]}`).toBe(true);
    // Steps that may be skipped: confirming, and rooming.
    expect(canTransition('scheduled', 'arrived')).toBe(true);
    expect(canTransition('arrived', 'with_provider')).toBe(true);
  });

  it('never moves backwards along the path, and never stays put', () => {
    const order: AppointmentStatus[] = ['scheduled', 'confirmed', 'arrived', 'roomed', 'with_provider', 'checked_out'];
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j <= i; j++) expect(canTransition(order[i]!, order[j]!), `${order[i]} -> ${order[j]}`).toBe(false);
    }
    for (const s of ALL) expect(canTransition(s, s), s).toBe(false);
  });

  it('ends for good at checked_out, cancelled and rescheduled', () => {
    for (const end of ['checked_out', 'cancelled', 'rescheduled'] as const) {
      for (const to of ALL) expect(canTransition(end, to), `${end} -> ${to}`).toBe(false);
    }
  });

  it('lets a late no-show arrive, but nothing else', () => {
    expect(ALL.filter((to) => canTransition('no_show', to))).toEqual(['arrived']);
  });

  it('cancels only before the visit starts, reschedules only before arrival, and marks no-show only before arrival', () => {
    expect(ALL.filter((from) => canTransition(from, 'cancelled')).sort()).toEqual(['arrived', 'confirmed', 'scheduled']);
    expect(ALL.filter((from) => canTransition(from, 'rescheduled')).sort()).toEqual(['confirmed', 'scheduled']);
    expect(ALL.filter((from) => canTransition(from, 'no_show')).sort()).toEqual(['confirmed', 'scheduled']);
  });

  it('has no cycle, so every appointment reaches an end', () => {
    const visiting = new Set<AppointmentStatus>();
    const done = new Set<AppointmentStatus>();
    const visit = (s: AppointmentStatus): void => {
      if (done.has(s)) return;
      if (visiting.has(s)) expect.fail(`cycle through ${s}`);
      visiting.add(s);
      for (const to of TRANSITIONS[s]) visit(to);
      visiting.delete(s);
      done.add(s);
    };
    for (const s of ALL) visit(s);
  });
});
