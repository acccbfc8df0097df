/** Password hashing (argon2id) and the password policy (NIST 800-63B: length and a breached-password list, no composition rules). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../shared/errors.ts';

const ARGON2ID = 2; // @node-rs/argon2 Algorithm.Argon2id (const enums are not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work for unknown users and users without a password, so timing reveals nothing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
    common = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  return common;
}

/** Throws VALIDATION_FAILED (path `password`) when the password breaks the policy. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): void {
  const fail = (message: string) => {
    throw new AppError('VALIDATION_FAILED', message, { errors: [{ path: 'password', message }] });
  };
  if (password.length < PASSWORD_MIN) fail(`must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) fail(`must be at most ${PASSWORD_MAX} characters`);
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) fail('is on the list of common or breached passwords');
  // Only a local part long enough to be a real word counts ("al@..." must not ban every password containing "al").
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) fail('must not contain your email name');
}
