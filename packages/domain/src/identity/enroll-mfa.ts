import QRCode from 'qrcode';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newTotpSecret, otpauthUrl } from './mfa.ts';

/**
 * Start (or restart) TOTP enrolment: a new secret, its otpauth:// URL and a QR
 * code (PNG data: URL). MFA is not on until activateMfa confirms a code. Refused
 * once MFA is on: replacing the authenticator goes through an administrator's reset.
 */
export async function enrollMfa(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['email', 'mfa_enabled'])
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.mfa_enabled) throw new AppError('CONFLICT', 'MFA is already on; ask an administrator to reset it to enrol a new device');
    const secret = newTotpSecret();
    await tx.db.updateTable('users').set({ mfa_secret: secret, mfa_last_step: null }).where('id', '=', actor.userId).execute();
    await recordAudit(tx, { action: 'mfa_enroll', resourceType: 'user', resourceId: actor.userId });
    const url = otpauthUrl(secret, user.email);
    return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  });
}
