import ical, { ICalEventStatus } from 'ical-generator';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { BUSY_TYPE_NAME } from './appointment-row.ts';
import { hashIcalToken, ICAL_TOKEN_RE } from './ical-token.ts';

const DAY_MS = 86_400_000;
/** The feed covers a month back and half a year ahead: what a phone calendar shows. */
const PAST_DAYS = 30;
const FUTURE_DAYS = 183;
const SHOWN: readonly string[] = ['scheduled', 'confirmed', 'arrived', 'roomed', 'with_provider', 'checked_out'];
/**
 * Visits called off: still sent, as STATUS:CANCELLED, because a subscribed calendar that no
 * longer finds an event may keep it (or drop it without a word). A rescheduled visit's old
 * time is called off; the new time is another appointment, another UID.
 */
const CALLED_OFF: readonly string[] = ['cancelled', 'rescheduled'];

/**
 * A provider's appointments as an RFC 5545 calendar, for the secret-token URL
 * `/ical/<token>.ics`. No sign-in: the token is the credential, so an unknown or revoked
 * token is NOT_FOUND. Events carry the type, times (UTC) and location; patient names
 * only when the practice turned on `ical_show_patient_names`. A token is no one's sign-in, so
 * no one on a restricted patient's care team: such a visit is a busy block ("Busy", the times,
 * the location and the status), whatever the setting.
 * Cancelled and rescheduled visits in the window stay in the feed as STATUS:CANCELLED. SEQUENCE is
 * the appointment's version less one: every change of the visit (status, room, cancellation)
 * bumps it, so a client knows its copy is out of date (RFC 5545 §3.8.7.4).
 * Each fetch is audited as the system actor `ical-feed`, or `ical-feed:patient-names` (which
 * adds patient:read) with the patient ids when names are shown.
 */
export async function getIcalFeed(anonymous: Ctx, token: string): Promise<string> {
  if (!ICAL_TOKEN_RE.test(token)) throw notFound('calendar feed');
  const feed = await anonymous.db
    .selectFrom('provider_ical_tokens as k')
    .innerJoin('provider_directory as pr', 'pr.id', 'k.provider_id')
    .innerJoin('organization_directory as o', 'o.id', 'k.organization_id')
    .innerJoin('organization_schedule_settings as s', 's.organization_id', 'k.organization_id')
    .select([
      'k.organization_id',
      'k.provider_id',
      'pr.given_name',
      'pr.family_name',
      'pr.credentials',
      'o.name as org_name',
      's.ical_show_patient_names',
    ])
    .where('k.token_hash', '=', hashIcalToken(token))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed) throw notFound('calendar feed');
  const showNames = feed.ical_show_patient_names;
  const purpose = showNames ? 'ical-feed:patient-names' : 'ical-feed';
  const { db, clock, requestId, baseDb, ip, userAgent } = anonymous;
  const ctx = systemCtx(db, clock, feed.organization_id, purpose, requestId, { baseDb, ip, userAgent });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const rows = await tx.db
      .selectFrom('appointments as a')
      .innerJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
      .innerJoin('location_directory as l', 'l.id', 'a.location_id')
      .innerJoin('patient_names as p', 'p.id', 'a.patient_id')
      .select([
        'a.id',
        'a.patient_id',
        'a.starts_at',
        'a.ends_at',
        'a.status',
        'a.updated_at',
        'a.version',
        't.name as type_name',
        'l.name as location_name',
      ])
      .select(['p.given_name', 'p.family_name', 'p.restricted'])
      .where('a.organization_id', '=', tx.organizationId)
      .where('a.provider_id', '=', feed.provider_id)
      .where('a.status', 'in', [...SHOWN, ...CALLED_OFF] as never[])
      .where('a.starts_at', '>=', new Date(now.getTime() - PAST_DAYS * DAY_MS))
      .where('a.starts_at', '<', new Date(now.getTime() + FUTURE_DAYS * DAY_MS))
      .orderBy('a.starts_at')
      .execute();
    const provider = `${feed.given_name} ${feed.family_name}${feed.credentials ? `, ${feed.credentials}` : ''}`;
    const cal = ical({
      name: `${provider}: ${feed.org_name}`,
      prodId: { company: 'ClinicDesk', product: 'Schedule feed', language: 'EN' },
      ttl: 15 * 60,
    });
    for (const r of rows) {
      cal.createEvent({
        id: `${r.id}@clinicdesk`,
        start: r.starts_at,
        end: r.ends_at,
        stamp: r.updated_at,
        sequence: r.version - 1,
        status: CALLED_OFF.includes(r.status) ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        summary: r.restricted ? BUSY_TYPE_NAME : showNames ? `${r.type_name}: ${r.given_name} ${r.family_name}` : r.type_name,
        location: r.location_name,
        description: `Status: ${r.status.replace('_', ' ')}`,
      });
    }
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'ical_feed',
      resourceId: feed.provider_id,
      details: {
        count: rows.length,
        patientNames: showNames,
        ...(showNames ? { patientIds: [...new Set(rows.filter((r) => !r.restricted).map((r) => r.patient_id))] } : {}),
      },
    });
    // RFC 5545 §3.1: every content line ends in CRLF, the last one too; the generator leaves it off.
    const text = cal.toString();
    return text.endsWith('\r\n') ? text : `${text}\r\n`;
  });
}
