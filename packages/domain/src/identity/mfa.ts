/**
 * TOTP (RFC 6238, 30 s steps, one step of drift either way) and recovery codes.
 * A code is accepted once: its time step must be above users.mfa_last_step, and
 * the step is recorded with a conditional update so two racing logins cannot
 * both use it. Recovery codes are stored as salted SHA-256 (they carry 50 random
 * bits, so a slow hash adds nothing but latency).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';

export const TOTP_ISSUER = 'ClinicDesk';
export const RECOVERY_CODE_COUNT = 10;
const DRIFT_SECONDS = 30;
// No 0/O, 1/I/L: codes are read off paper.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export function isTotpFormat(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The time step the code belongs to, or null when it is wrong, expired or not after `afterStep`. */
export async function checkTotp(secret: string, code: string, clock: Clock, afterStep: number | null): Promise<number | null> {
  if (!isTotpFormat(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(clock.now().getTime() / 1000),
    epochTolerance: DRIFT_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Record `step` as used; false when a concurrent request already used this or a later step (replay). */
export async function consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ mfa_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

function normalizeRecoveryCode(code: string): string {
  return code.replaceAll('-', '').toUpperCase();
}

function hashRecoveryCode(code: string, salt: string): string {
  return createHash('sha256')
    .update(`${salt}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Replace the user's recovery codes with fresh ones; the plain codes are returned once and never stored. */
export async function issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insertInto('mfa_recovery_codes')
    .values(
      codes.map((code) => {
        const salt = randomBytes(16).toString('hex');
        return { user_id: userId, code_hash: `sha256$${salt}$${hashRecoveryCode(code, salt)}` };
      }),
    )
    .execute();
  return codes;
}

/** Use one unused recovery code; returns how many remain, or null when the code matches none. */
export async function consumeRecoveryCode(db: Db, clock: Clock, userId: string, code: string): Promise<number | null> {
  if (!/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code)) return null;
  const rows = await db
    .selectFrom('mfa_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const match = rows.find((r) => {
    const [, salt, hex] = r.code_hash.split('$');
    if (!salt || !hex) return false;
    const a = Buffer.from(hex, 'hex');
    const b = Buffer.from(hashRecoveryCode(code, salt), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  });
  if (!match) return null;
  const used = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: clock.now() })
    .where('id', '=', match.id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) return null;
  return rows.length - 1;
}

/** Forget the user's MFA enrolment: secret, last step and recovery codes. */
export async function clearMfa(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ mfa_secret: null, mfa_enabled: false, mfa_last_step: null }).where('id', '=', userId).execute();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
}
