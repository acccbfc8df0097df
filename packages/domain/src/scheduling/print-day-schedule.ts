import { requirePermission } from '../access/index.ts';
import { locationLetterhead, providersByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { auditAppointmentPage, readAppointments } from './appointment-row.ts';
import { renderDaySchedulePdf } from './day-schedule-pdf.ts';
import { addDays, localDateOf, localTimeOf, localToEpochMs } from './local-time.ts';

const providerName = (givenName: string, familyName: string, credentials: string) =>
  `${givenName} ${familyName}${credentials ? `, ${credentials}` : ''}`;

/**
 * The day's schedule at a location (optionally one provider) as a PDF for the front desk:
 * times on the location's clock, provider, patient, type and status. Cancelled and moved
 * visits are left out; a restricted patient's visit the user may not open prints as a busy
 * block (time, provider, status). Printing patient names is audited as `print`.
 */
export async function printDaySchedule(ctx: Ctx, q: { locationId: string; date?: string; providerId?: string }): Promise<Buffer> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const letterhead = await locationLetterhead(tx, q.locationId);
    if (!letterhead) throw notFound('location');
    const { practice, location } = letterhead;
    const zone = location.timeZone;
    const now = tx.clock.now().getTime();
    const date = q.date ?? localDateOf(now, zone);
    const rows = await readAppointments(tx, (base) => {
      let rowsQuery = base
        .innerJoin('provider_directory as pr', 'pr.id', 'a.provider_id')
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
      const [p] = await providersByIds(tx, [q.providerId]);
      if (!p) throw notFound('provider');
      provider = providerName(p.givenName, p.familyName, p.credentials);
    }
    await auditAppointmentPage(tx, rows, {
      action: 'print',
      resourceType: 'schedule',
      resourceId: q.locationId,
      details: { date, providerId: q.providerId ?? null, count: rows.length },
    });
    return renderDaySchedulePdf({
      practice,
      location: location.name,
      address: [
        location.addressLine1,
        location.addressLine2,
        [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
      ].filter(Boolean),
      phone: location.phone,
      date,
      timeZone: zone,
      provider,
      printedAt: `${localDateOf(now, zone)} ${localTimeOf(now, zone).slice(0, 5)}`,
      rows: rows.map((r) => ({
        time: localTimeOf(r.starts_at.getTime(), zone).slice(0, 5),
        provider: providerName(r.given_name, r.family_name, r.credentials),
        patient: r.patient_name,
        type: r.type_name,
        status: r.status.replace('_', ' '),
      })),
    });
  });
}
