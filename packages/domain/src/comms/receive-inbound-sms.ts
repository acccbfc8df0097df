/**
 * A text to the practice's number (Twilio's webhook, `POST /api/sms/inbound`). The practice is
 * the one whose number the text was sent `To`; the request must carry that account's
 * X-Twilio-Signature over the practice's public URL, else FORBIDDEN and nothing is read or
 * written. Each `MessageSid` is handled once: a redelivery finds its row and changes nothing.
 *
 * What the text says decides what happens, as the system actor `sms-reply`:
 *  - C or Y confirms, N cancels the next visit of the one patient with that number (the same
 *    scheduling use cases the emailed links call);
 *  - STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE (the carrier keywords)
 *    withdraw the agreement to texts, START, UNSTOP, YES give it back, for every patient with
 *    that number (a family sharing a phone): the provider stops texting the number anyway;
 *  - anything else (or a C/N with no patient or no visit) waits in the desk's inbox.
 */
import { patientsWithPhone, setSmsConsent } from '../patients/index.ts';
import { cancelAppointment, changeAppointmentStatus } from '../scheduling/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Installation } from '../shared/installation.ts';
import type { InboundAction } from './comms.tables.ts';
import { practicePublicUrl } from './comms-settings.ts';
import { validTwilioSignature } from './twilio-signature.ts';

export const OPT_OUT = new Set(['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
export const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);
const CONFIRM = new Set(['C', 'Y']);
const DECLINE = new Set(['N']);

/** The whole text as a keyword: trimmed, upper-case, without trailing punctuation. */
export const keywordOf = (body: string) =>
  body
    .trim()
    .toUpperCase()
    .replace(/[.!\s]+$/, '')
    .replace(/\s+/g, ' ');

const forbidden = () => new AppError('FORBIDDEN', 'the request is not signed by the practice’s SMS provider');

/**
 * The practice a provider's request is for, by the practice number it names, once its
 * signature over `path` checks out with that practice's auth token. Throws FORBIDDEN otherwise.
 */
export async function verifiedPractice(
  ctx: Ctx,
  practiceNumber: string | undefined,
  path: string,
  params: Record<string, string>,
  signature: string | undefined,
  installation: Installation,
): Promise<string> {
  if (!practiceNumber || !signature) throw forbidden();
  const row = await ctx.db
    .selectFrom('comms_settings')
    .select(['organization_id', 'sms_auth_token'])
    .where('sms_from_number', '=', practiceNumber)
    .executeTakeFirst();
  if (!row?.sms_auth_token) throw forbidden();
  const url = `${await practicePublicUrl(ctx.db, row.organization_id, installation)}${path}`;
  if (!validTwilioSignature(row.sms_auth_token, url, params, signature)) throw forbidden();
  return row.organization_id;
}

async function nextVisit(tx: Ctx, patientId: string): Promise<{ id: string; status: string } | null> {
  const row = await tx.db
    .selectFrom('appointment_times')
    .select(['id', 'status'])
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', ['scheduled', 'confirmed'])
    .where('starts_at', '>', tx.clock.now())
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** Handle one webhook; answers what was done ('duplicate' for a redelivery). */
export async function receiveInboundSms(
  ctx: Ctx,
  request: { params: Record<string, string>; signature: string | undefined },
  installation: Installation,
): Promise<InboundAction | 'duplicate'> {
  const { params } = request;
  const organizationId = await verifiedPractice(ctx, params.To, '/api/sms/inbound', params, request.signature, installation);
  const sid = params.MessageSid ?? params.SmsSid;
  const from = params.From;
  if (!sid || !from) throw new AppError('VALIDATION_FAILED', 'MessageSid and From are required');
  const sys = systemCtx(ctx.db, ctx.clock, organizationId, 'sms-reply', ctx.requestId, { ip: ctx.ip, userAgent: ctx.userAgent });
  return inTransaction(sys, async (tx) => {
    const body = (params.Body ?? '').slice(0, 1600);
    const inserted = await tx.db
      .insertInto('sms_inbound')
      .values({
        organization_id: organizationId,
        message_sid: sid.slice(0, 64),
        from_number: from.slice(0, 32),
        to_number: (params.To ?? '').slice(0, 32),
        body,
        action: 'inbox',
        received_at: tx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['organization_id', 'message_sid']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    const patientIds = await patientsWithPhone(tx.db, organizationId, from);
    const patientId = patientIds.length === 1 ? (patientIds[0] as string) : null;
    const word = keywordOf(body);
    let action: InboundAction = 'inbox';
    let appointmentId: string | null = null;
    if (OPT_OUT.has(word) || OPT_IN.has(word)) {
      action = OPT_OUT.has(word) ? 'opted_out' : 'opted_in';
      for (const id of patientIds) await setSmsConsent(tx, id, action === 'opted_in');
    } else if (patientId && (CONFIRM.has(word) || DECLINE.has(word))) {
      const visit = await nextVisit(tx, patientId);
      if (visit) {
        appointmentId = visit.id;
        if (DECLINE.has(word)) {
          action = 'cancelled';
          await cancelAppointment(tx, visit.id, { reason: 'patient', note: 'cancelled by the patient by text (N)' });
        } else {
          action = 'confirmed';
          if (visit.status !== 'confirmed') await changeAppointmentStatus(tx, visit.id, { status: 'confirmed' });
        }
      }
    }
    await tx.db
      .updateTable('sms_inbound')
      .set({ action, appointment_id: appointmentId, patient_id: patientId })
      .where('id', '=', inserted.id)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'sms_inbound',
      resourceId: inserted.id,
      patientId,
      details: { action, patientIds, appointmentId },
    });
    return action;
  });
}
