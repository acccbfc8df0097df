import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { auditAppointmentPage, readAppointments } from './appointment-row.ts';
import { renderDaySchedulePdf } from './day-schedule-pdf.ts';
import { addDays, localDateOf, localTimeOf, localToEpochMs } from './local-time.ts';

const providerName = (r: { given_name: string; family_name: string; credentials: string }) =>
  `${r.given_name} ${r.family_name}${r.credentials ? `, ${r.credentials}` : ''}`;

/**
 * The day's schedule at a location (optionally one provider) as a PDF for the front desk:
 * times on the location's clock, provider, patient, type and status. Cancelled and moved
 * visits are left out; a restricted patient's visit the user may not open prints as a busy
 * block (time, provider, status). Printing patient names is audited as `print`.
 */
export async function printDaySchedule(ctx: Ctx, q: { locationId: string; date?: string; providerId?: string }): Promise<Buffer> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const location = await tx.db
      .selectFrom('locations as l')
      .innerJoin('organizations as o', 'o.id', 'l.organization_id')
      .select([
        'l.name',
        'l.time_zone',
        'o.name as practice',
        'l.address_line1',
        'l.address_line2',
        'l.city',
        'l.state',
        'l.postal_code',
        'l.phone',
      ])
      .where('l.organization_id', '=', tx.organizationId)
      .where('l.id', '=', q.locationId)
      .executeTakeFirst();
    if (!location) throw notFound('location');
    const zone = location.time_zone;
    const now = tx.clock.now().getTime();
    const date = q.date ?? localDateOf(now, zone);
    const rows = await readAppointments(tx, (base) => {
      let rowsQuery = base
        .innerJoin('providers as pr', 'pr.id', 'a.provider_id')
        .select(['pr.given_name', 'pr.family_name', 'pr.credentials'])
        .where('a.location_id', '=', q.locationId)
        .where('a.starts_at', '>=', new Date(localToEpochMs(zone, date, '00:00')))
        .where('a.starts_at', '<', new Date(localToEpochMs(zone, addDays(date, 1), '00:00')))
        .where('a.status', 'not in', ['cancelled', 'rescheduled']);
      if (q.providerId) rowsQuery = rowsQuery.where('a.provider_id', '=', q.providerId);
      return rowsQuery.orderBy('a.starts_at').orderBy('pr.family_name').orderBy('a.id');
    });
    let provider: string | null = null;
    if (q.providerId) {
      const p = await tx.db
        .selectFrom('providers')
        .select(['given_name', 'family_name', 'credentials'])
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', q.providerId)
        .executeTakeFirst();
      if (!p) throw notFound('provider');
      provider = providerName(p);
    }
    await auditAppointmentPage(tx, rows, {
      action: 'print',
      resourceType: 'schedule',
      resourceId: q.locationId,
      details: { date, providerId: q.providerId ?? null, count: rows.length },
    });
    return renderDaySchedulePdf({
      practice: location.practice,
      location: location.name,
      address: [
        location.address_line1,
        location.address_line2,
        [[location.city, location.state].filter(Boolean).join(', '), location.postal_code].filter(Boolean).join(' '),
      ].filter(Boolean),
      phone: location.phone,
      date,
      timeZone: zone,
      provider,
      printedAt: `${localDateOf(now, zone)} ${localTimeOf(now, zone).slice(0, 5)}`,
      rows: rows.map((r) => ({
        time: localTimeOf(r.starts_at.getTime(), zone).slice(0, 5),
        provider: providerName(r),
        patient: r.patient_name,
        type: r.type_name,
        status: r.status.replace('_', ' '),
      })),
    });
  });
}
