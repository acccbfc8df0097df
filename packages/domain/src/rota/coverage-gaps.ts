import { sql } from 'kysely';
import { addDays, isoWeekday, localDateOf, localToEpochMs } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { holdsAt, daysOf, readableLocation, type RotaLocation } from './rota-refs.ts';
import type { CoverageGap } from './rota.schemas.ts';
import type { Duty } from './rota.tables.ts';
import { toCoverageRule } from './coverage-rules.ts';
import { leaveOf } from './leave-mark.ts';

interface Span {
  s: number;
  e: number;
}

/**
 * The parts of [s, e) where fewer than `need` of `spans` are on: a sweep over the spans'
 * ends. Each gap comes with how many were on during it (the lowest count, as counts are
 * constant between two ends).
 */
export function uncovered(s: number, e: number, spans: readonly Span[], need: number): { s: number; e: number; have: number }[] {
  const points = new Set<number>([s, e]);
  for (const x of spans) {
    if (x.s > s && x.s < e) points.add(x.s);
    if (x.e > s && x.e < e) points.add(x.e);
  }
  const cuts = [...points].sort((a, b) => a - b);
  const out: { s: number; e: number; have: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const have = spans.filter((x) => x.s <= a && x.e >= b).length;
    if (have >= need) continue;
    const last = out[out.length - 1];
    if (last && last.e === a && last.have === have) last.e = b;
    else out.push({ s: a, e: b, have });
  }
  return out;
}

async function gapsAt(tx: Ctx, loc: RotaLocation, from: string, to: string): Promise<CoverageGap[]> {
  const days = daysOf(from, to);
  const rules = (
    await tx.db
      .selectFrom('coverage_rules')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('location_id', '=', loc.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toCoverageRule);
  if (!rules.length) return [];
  const windowStart = localToEpochMs(loc.zone, from, '00:00');
  const windowEnd = localToEpochMs(loc.zone, addDays(to, 1), '00:00');
  // A shift on leave covers nothing (and a session on leave needs no support).
  const shifts = await tx.db
    .selectFrom('shifts as s')
    .select(['s.id', 's.duty', 's.starts_at', 's.ends_at'])
    .where('s.organization_id', '=', tx.organizationId)
    .where('s.location_id', '=', loc.id)
    .where(sql<boolean>`${leaveOf('s')} is null`)
    .where('s.ends_at', '>', new Date(windowStart - 86_400_000))
    .where('s.starts_at', '<', new Date(windowEnd + 86_400_000))
    .orderBy('s.starts_at')
    .limit(5000)
    .execute();
  const spansOf = (duties: readonly Duty[]) =>
    shifts.filter((x) => duties.includes(x.duty)).map((x) => ({ s: x.starts_at.getTime(), e: x.ends_at.getTime() }));
  const gaps: CoverageGap[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const rule of rules) {
    if (rule.kind === 'minimum') {
      const spans = spansOf([rule.duty]);
      for (const day of days) {
        if (!rule.weekdays.includes(isoWeekday(day))) continue;
        const s = localToEpochMs(loc.zone, day, rule.startTime as string);
        const e = localToEpochMs(loc.zone, day, rule.endTime as string);
        for (const g of uncovered(s, e, spans, rule.minCount)) {
          gaps.push({
            locationId: loc.id,
            ruleId: rule.id,
            kind: rule.kind,
            date: day,
            start: iso(g.s),
            end: iso(g.e),
            duties: [rule.duty],
            need: rule.minCount,
            have: g.have,
            shiftId: null,
            label: rule.label,
          });
        }
      }
    } else {
      const support = spansOf(rule.supportDuties);
      for (const session of shifts) {
        if (session.duty !== rule.duty) continue;
        const s = Math.max(session.starts_at.getTime(), windowStart);
        const e = Math.min(session.ends_at.getTime(), windowEnd);
        if (e <= s) continue;
        for (const g of uncovered(s, e, support, rule.minCount)) {
          gaps.push({
            locationId: loc.id,
            ruleId: rule.id,
            kind: rule.kind,
            date: localDateOf(g.s, loc.zone),
            start: iso(g.s),
            end: iso(g.e),
            duties: rule.supportDuties,
            need: rule.minCount,
            have: g.have,
            shiftId: session.id,
            label: rule.label,
          });
        }
      }
    }
  }
  return gaps.sort((a, b) => a.start.localeCompare(b.start) || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Where a location's rota falls short of its coverage rules over some days (at most 31, at the
 * location): minimum rules over their hours on their weekdays, support rules over each session
 * of their duty. Without `locationId`: every location the caller may read the rota of.
 * The manager's dashboard calls this.
 */
export async function coverageGaps(
  ctx: Ctx,
  q: { locationId?: string | undefined; from: string; to: string },
): Promise<{ items: CoverageGap[]; nextCursor: null }> {
  return inTransaction(ctx, async (tx) => {
    daysOf(q.from, q.to);
    const locations: RotaLocation[] = [];
    if (q.locationId) locations.push(await readableLocation(tx, q.locationId));
    else {
      const rows = await tx.db
        .selectFrom('location_directory')
        .select(['id', 'name', 'time_zone'])
        .where('organization_id', '=', tx.organizationId)
        .where('active', '=', true)
        .orderBy('name')
        .execute();
      for (const r of rows) if (holdsAt(tx, 'rota:read', r.id)) locations.push({ id: r.id, name: r.name, zone: r.time_zone });
    }
    const items: CoverageGap[] = [];
    for (const loc of locations) items.push(...(await gapsAt(tx, loc, q.from, q.to)));
    return { items, nextCursor: null };
  });
}
