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

/** 128-bit truncated HMAC-SHA256: plenty against forgery, and keeps `/r/<token>` short (~62 characters). */
const sign = (key: Buffer, body: Buffer) => createHmac('sha256', key).update(body).digest().subarray(0, 16);

const PURPOSE_CODES: Record<LinkPurpose, number> = { confirm: 1, cancel: 2, waitlist_accept: 3 };
const PURPOSES = Object.fromEntries(Object.entries(PURPOSE_CODES).map(([p, c]) => [c, p])) as Record<number, LinkPurpose>;

/** The signed body: purpose (1 byte), subject uuid (16), expiry in epoch seconds (4), nonce (8). */
function encodeBody(purpose: LinkPurpose, subjectId: string, expiresAt: Date): Buffer {
  const b = Buffer.alloc(29);
  b.writeUInt8(PURPOSE_CODES[purpose], 0);
  Buffer.from(subjectId.replace(/-/g, ''), 'hex').copy(b, 1);
  b.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 17);
  randomBytes(8).copy(b, 21);
  return b;
}

const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

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
  const body = encodeBody(link.purpose, link.subjectId, link.expiresAt);
  const token = `${body.toString('base64url')}.${sign(key, body).toString('base64url')}`;
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
  const m = /^([A-Za-z0-9_-]{39})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return 'forged';
  const body = Buffer.from(m[1] as string, 'base64url');
  const mac = Buffer.from(m[2] as string, 'base64url');
  if (body.length !== 29 || mac.length !== 16) return 'forged';
  if (!timingSafeEqual(sign(await linkSigningKey(db), body), mac)) return 'forged';
  const purpose = PURPOSES[body.readUInt8(0)];
  if (!purpose) return 'forged';
  const expiresAt = new Date(body.readUInt32BE(17) * 1000);
  if (expiresAt <= now) return 'expired';
  return { purpose, subjectId: uuidOf(body.subarray(1, 17).toString('hex')), expiresAt };
}
