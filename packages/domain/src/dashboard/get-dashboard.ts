import { can, holdsAt } from '../access/index.ts';
import { denialRate } from '../claims/index.ts';
import { collectionsReport, daysInArReport } from '../reports/index.ts';
import { addDays, localDateOf, noShowTrend, providerUtilization, todayFlow } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { taskCounts } from '../tasks/index.ts';
import { credentialsDueSummary } from '../credentials/index.ts';
import { equipmentOutOfService } from '../equipment/index.ts';
import { hiringSummary } from '../hiring/index.ts';
import { coverageGaps, onCallNow, pendingTimeOffCount, pendingTimeOffTotal } from '../rota/index.ts';
import { trainingDueSummary } from '../training/index.ts';
import { dashboardLocation } from './dashboard-location.ts';
import type { Dashboard, DashboardQuery } from './dashboard.schemas.ts';

/** Weeks of the no-show trend. */
const TREND_WEEKS = 8;
/** Credentials expiring within this many days count as due. */
const CREDENTIAL_DAYS = 30;
/** Locations whose on-call the all-locations dashboard lists. */
const ON_CALL_LOCATIONS = 20;

/**
 * The manager's dashboard: today's flow, the week's utilization per provider, the no-show
 * trend, tasks, and the money figures, at one location or every one. Each figure comes from
 * the module that owns it (one bounded aggregate each); a section the caller's roles do not
 * reach is null. Counts only: no patient is named, so nothing here is PHI.
 */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  return inTransaction(ctx, async (tx) => {
    const { locationId, zone } = await dashboardLocation(tx, q.scope === 'all' ? undefined : (q.locationId ?? tx.locationId ?? undefined));
    const at = locationId ?? undefined;
    const now = tx.clock.now();
    const date = localDateOf(now.getTime(), zone);
    const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
    const scheduling = can(tx, 'appointment:read');
    // Staffing is a manager's section; the morning digest (a system purpose reading the rota,
    // managing nobody) gets the same counts through the rota's read-only count.
    const manager = can(tx, 'staff:manage');
    const staffing = manager || (tx.actor.kind === 'system' && can(tx, 'rota:read'));
    const dashboard: Dashboard = {
      locationId,
      date,
      generatedAt: now.toISOString(),
      today: scheduling ? await todayFlow(tx, at) : null,
      utilization: scheduling
        ? {
            from: monday,
            to: addDays(monday, 6),
            providers: await providerUtilization(tx, { locationId: at, from: monday, to: addDays(monday, 6) }),
          }
        : null,
      noShowTrend: scheduling ? await noShowTrend(tx, { locationId: at, weeks: TREND_WEEKS, zone }) : null,
      tasks: can(tx, 'task:read') ? await taskCounts(tx, at) : null,
      onCall: can(tx, 'rota:read') ? await onCallFigures(tx, locationId) : null,
      staffing: staffing
        ? {
            coverageGaps: (await coverageGaps(tx, { locationId: at, from: monday, to: addDays(monday, 6) })).items.length,
            pendingTimeOff: manager ? await pendingTimeOffCount(tx, at) : await pendingTimeOffTotal(tx, at),
          }
        : null,
      credentials: can(tx, 'credential:read')
        ? await credentialsDueSummary(tx, { locationId, withinDays: CREDENTIAL_DAYS }).then((c) => ({
            expired: c.expired,
            dueSoon: c.due,
            withinDays: c.withinDays,
          }))
        : null,
      training: can(tx, 'training:manage')
        ? await trainingDueSummary(tx, locationId).then((t) => ({ overdue: t.overdue, dueSoon: t.dueSoon }))
        : null,
      // At one location, only a role that reads hiring there (a practice-wide report reader may hold it elsewhere only).
      hiring: (locationId ? holdsAt(tx, 'hiring:read', locationId) : can(tx, 'hiring:read')) ? await hiringSummary(tx, locationId) : null,
      equipment: can(tx, 'equipment:read') ? await equipmentFigures(tx, locationId) : null,
      finance: can(tx, 'report:finance') ? await financeFigures(tx, at, date) : null,
    };
    return dashboard;
  });
}

async function financeFigures(tx: Ctx, locationId: string | undefined, date: string): Promise<Dashboard['finance']> {
  const ar = await daysInArReport(tx, { asOf: date, days: 90, locationId });
  const collected = await collectionsReport(tx, { from: addDays(date, -29), to: date, period: 'month', locationId });
  const t = collected.totals;
  const denials = can(tx, 'claim:read') ? await denialRate(tx, { locationId, days: 90 }) : null;
  return {
    daysInAr: ar.daysInAr,
    totalArCents: ar.totalArCents,
    collectedCents: t.insurancePaymentsCents + t.patientPaymentsCents - t.refundsCents,
    denialRate: denials?.rate ?? null,
  };
}

async function onCallFigures(tx: Ctx, locationId: string | null): Promise<Dashboard['onCall']> {
  const locations = locationId
    ? [locationId]
    : (
        await tx.db
          .selectFrom('location_directory')
          .select('id')
          .where('organization_id', '=', tx.organizationId)
          .where('active', '=', true)
          .orderBy('name')
          .limit(ON_CALL_LOCATIONS)
          .execute()
      ).map((l) => l.id);
  const now: NonNullable<Dashboard['onCall']>['now'] = [];
  for (const id of locations) {
    const o = await onCallNow(tx, id);
    for (const s of [o.primary, ...o.backup]) {
      if (s) now.push({ userId: s.userId, name: s.userName, locationId: s.locationId, until: s.end, tier: s.tier });
    }
  }
  return { now };
}

async function equipmentFigures(tx: Ctx, locationId: string | null): Promise<Dashboard['equipment']> {
  const faults = await equipmentOutOfService(tx, locationId);
  return {
    outOfService: faults.length,
    faults: faults.map((f) => ({
      faultId: f.faultId,
      equipmentName: f.equipmentName,
      roomId: f.roomId,
      roomName: f.roomName,
      affectedAppointments: f.affectedAppointments,
    })),
  };
}
