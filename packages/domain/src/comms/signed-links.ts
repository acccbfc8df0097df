/**
 * One-click links for patients (no login): `/r/<token>`. The token carries its purpose,
 * subject and expiry, HMAC-signed with a server secret kept in the database (every
 * process agrees on it). Only the token's SHA-256 is stored; `used_at` makes it single-use.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../shared/context.ts';
import type { LinkPurpose } from './comms.tables.ts';

const SECRET_NAME = 'link-signing-key';

/** The signing key, created by whichever process needs it first. */
export async function linkSigningKey(db: Db): Promise<Buffer> {
  await db
    .insertInto('app_secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return row.value;
}

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export interface NewLink {
  organizationId: string;
  purpose: LinkPurpose;
  subjectId: string;
  patientId: string;
  expiresAt: Date;
}

/** Mint a link token and store its hash (in the caller's transaction). */
export async function issueLink(db: Db, link: NewLink): Promise<string> {
  const key = await linkSigningKey(db);
  const body = Buffer.from(
    JSON.stringify({
      p: link.purpose,
      s: link.subjectId,
      e: Math.floor(link.expiresAt.getTime() / 1000),
      n: randomBytes(12).toString('base64url'),
    }),
  ).toString('base64url');
  const token = `${body}.${sign(key, body)}`;
  await db
    .insertInto('signed_links')
    .values({
      organization_id: link.organizationId,
      token_hash: tokenHash(token),
      purpose: link.purpose,
      subject_id: link.subjectId,
      patient_id: link.patientId,
      expires_at: link.expiresAt,
    })
    .execute();
  return token;
}

export type LinkRejection = 'forged' | 'expired' | 'used' | 'wrong_purpose';

export interface VerifiedClaims {
  purpose: LinkPurpose;
  subjectId: string;
  expiresAt: Date;
}

/** Check the signature and expiry without touching link rows. */
export async function verifyToken(db: Db, token: string, now: Date): Promise<VerifiedClaims | LinkRejection> {
  const m = /^([A-Za-z0-9_-]{10,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'forged';
  const [, body, mac] = m as unknown as [string, string, string];
  const expected = Buffer.from(sign(await linkSigningKey(db), body));
  if (!timingSafeEqual(expected, Buffer.from(mac))) return 'forged';
  let claims: { p?: unknown; s?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'forged';
  }
  if (typeof claims.p !== 'string' || typeof claims.s !== 'string' || typeof claims.e !== 'number') return 'forged';
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt <= now) return 'expired';
  return { purpose: claims.p as LinkPurpose, subjectId: claims.s, expiresAt };
}
