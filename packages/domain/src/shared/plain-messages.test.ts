import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asSentence, plainIssueMessage, plainValidationDetail } from './plain-messages.ts';
import { phoneSchema, stateSchema, zipSchema } from './validation.ts';

/** What a person reads for `value` under `schema` (the first issue). */
function said(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value);
  if (r.success) throw new Error(`${JSON.stringify(value)} passed`);
  return plainIssueMessage(r.error.issues[0] as never);
}

describe('plainIssueMessage', () => {
  it("rewrites zod's own wording from the issue's code and bounds", () => {
    expect(said(z.string().min(3), 'ab')).toBe('Must be at least 3 characters.');
    expect(said(z.string().trim().min(1), '  ')).toBe('Required.');
    expect(said(z.string().max(2), 'abc')).toBe('Must be at most 2 characters.');
    expect(said(z.string(), undefined)).toBe('Required.');
    expect(said(z.string(), 12)).toBe('Must be text.');
    expect(said(z.boolean(), 'yes')).toBe('Must be yes or no (true or false).');
    expect(said(z.number().int(), 1.5)).toBe('Must be a whole number.');
    expect(said(z.number().int().min(5), 3)).toBe('Must be 5 or more.');
    expect(said(z.number().max(720), 721)).toBe('Must be 720 or less.');
    expect(said(z.number().gt(0), 0)).toBe('Must be more than 0.');
    expect(said(z.array(z.string()).max(6), Array(7).fill('a'))).toBe('At most 6 allowed.');
    expect(said(z.enum(['female', 'male', 'unknown']), 'x')).toBe('Choose one of: female, male, unknown.');
    expect(said(z.literal('professional'), 'x')).toBe('Must be professional.');
    expect(said(z.string().email(), 'nope')).toBe('Enter an email address, such as name@example.com.');
    expect(said(z.string().uuid(), 'nope')).toMatch(/^Choose one from the list/);
    expect(said(z.string().regex(/^a$/), 'b')).toBe('Not in the expected format.');
    const kinds = z.discriminatedUnion('kind', [z.object({ kind: z.literal('self') }), z.object({ kind: z.literal('person') })]);
    expect(said(kinds, { kind: 'robot' })).toBe('Choose one of: self, person.');
    expect(said(z.strictObject({}), { zz: 1 })).toBe('Not a field this request accepts.');
  });

  it("keeps a schema author's message, as a sentence", () => {
    expect(said(z.string().regex(/^\d+$/, 'use digits only'), 'x')).toBe('Use digits only.');
    expect(
      said(
        z.string().refine(() => false, 'Already a sentence.'),
        'x',
      ),
    ).toBe('Already a sentence.');
    expect(said(stateSchema, 'C')).toBe('Enter a two-letter US state, such as CO.');
    expect(said(zipSchema, '802')).toBe('Enter a ZIP code as 12345 or 12345-6789.');
    expect(said(phoneSchema, '12')).toBe('Not a valid phone number: include the area code, such as (303) 555-0142.');
  });

  it('never lets zod wording through, whatever the schema', () => {
    const schema = z.strictObject({
      a: z.string().min(3),
      b: z.enum(['X', 'Y']),
      c: z.number().int().max(5),
      d: z.string().uuid(),
      e: z.array(z.string()).min(2),
      f: z.string().datetime(),
      g: z.string().url(),
    });
    const r = schema.safeParse({ a: 'x', b: 'Z', c: 7.5, d: 'no', e: [], f: 'no', g: 'no', h: 1 });
    const messages = (r.error?.issues ?? []).map((i) => plainIssueMessage(i as never));
    expect(messages).toHaveLength(8);
    for (const m of messages) expect(m).not.toMatch(/expected|received|Invalid|Too (small|big)|>=|<=|Unrecognized/);
  });
});

describe('asSentence and plainValidationDetail', () => {
  it('capitalizes and ends a fragment, and leaves a deliberate lower-case word alone', () => {
    expect(asSentence('not a real calendar date')).toBe('Not a real calendar date.');
    expect(asSentence('iCal feeds are read-only')).toBe('iCal feeds are read-only.');
    expect(asSentence('Done!')).toBe('Done!');
    expect(asSentence('')).toBe('');
  });

  it('counts the fields by where they are', () => {
    expect(plainValidationDetail('body', 1)).toBe('One field needs correcting.');
    expect(plainValidationDetail(undefined, 3)).toBe('3 fields need correcting.');
    expect(plainValidationDetail('querystring', 2)).toBe('2 search or filter values need correcting.');
    expect(plainValidationDetail('params', 1)).toMatch(/page or record/);
  });
});
