/**
 * The provider's delivery report for a text (status callback, `POST /api/sms/status`), signed like
 * the inbound webhook (the practice found by the `From` number). 'delivered' marks the text
 * delivered; 'undelivered' or 'failed' marks it bounced with the provider's error code, so it shows
 * among the messages that did not reach their patient. Other statuses change nothing.
 */
import type { Ctx } from '../shared/context.ts';
import type { Installation } from '../shared/installation.ts';
import { verifiedPractice } from './receive-inbound-sms.ts';

export async function updateTextStatus(
  ctx: Ctx,
  request: { params: Record<string, string>; signature: string | undefined },
  installation: Installation,
): Promise<void> {
  const { params } = request;
  const organizationId = await verifiedPractice(ctx, params.From, '/api/sms/status', params, request.signature, installation);
  const sid = params.MessageSid ?? params.SmsSid;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (!sid || !status) return;
  const q = ctx.db
    .updateTable('messages')
    .where('organization_id', '=', organizationId)
    .where('channel', '=', 'sms')
    .where('provider_message_id', '=', sid)
    .where('status', 'in', ['sent', 'delivered']);
  if (status === 'delivered') await q.set({ status: 'delivered' }).execute();
  else if (status === 'undelivered' || status === 'failed')
    await q
      .set({ status: 'bounced', error: `the carrier did not deliver it${params.ErrorCode ? ` (${params.ErrorCode.slice(0, 10)})` : ''}` })
      .execute();
}
