import { icd10CodeSchema } from '@domain/codes/index.ts';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listOf } from './http-schemas.ts';
import { compileSerializer, serializerCompiler } from './serializer.ts';

const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const viaZod = (schema: unknown) => zodSerializerCompiler(route(schema) as never) as (d: unknown) => string;

describe('compiled answer serializers', () => {
  const page = listOf(icd10CodeSchema);
  const items = [
    { code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', billable: true },
    { code: 'E11', description: 'Type 2 diabetes mellitus "quoted" \\ and ünïcödé, 𝒳', billable: false },
  ];

  it('writes what zod writes, byte for byte', () => {
    const compiled = compileSerializer(page);
    expect(compiled).not.toBeNull();
    for (const data of [
      { items, nextCursor: null },
      { items: [], nextCursor: 'abc' },
    ])
      expect(compiled?.(data)).toBe(viaZod(page)(data));
  });

  it('writes only declared members: a row with extra columns leaks none of them', () => {
    const compiled = compileSerializer(page);
    const out = JSON.parse(
      compiled?.({ items: [{ ...items[0], search_rank: 7, ssn: '123-45-6789' }], nextCursor: null, debug: { sql: 'select' } }) ?? '',
    );
    expect(out).toEqual({ items: [items[0]], nextCursor: null });
  });

  it('fails an answer missing a required member, as zod does', () => {
    const compiled = compileSerializer(page);
    expect(() => compiled?.({ items: [{ code: 'E11.9', billable: true }], nextCursor: null })).toThrow();
    expect(() => viaZod(page)({ items: [{ code: 'E11.9', billable: true }], nextCursor: null })).toThrow();
  });

  it('keeps zod for a schema it cannot write as zod would (a transform, a date)', () => {
    expect(compileSerializer(z.object({ at: z.date() }))).toBeNull();
    expect(compileSerializer(z.object({ n: z.string().transform((s) => s.length) }))).toBeNull();
    expect(compileSerializer({ not: 'a zod schema' })).toBeNull();
    const at = new Date('2026-12-05T10:00:00Z');
    const serialize = serializerCompiler({ crossCheck: false })(route(z.object({ at: z.date() })));
    expect(serialize({ at })).toBe('{"at":"2026-12-05T10:00:00.000Z"}'); // zod's serializer, as before
  });

  it('with the cross-check on, writes the same answer after comparing it with zod', () => {
    const serialize = serializerCompiler({ crossCheck: true })(route(page));
    const data = { items, nextCursor: null };
    expect(serialize(data)).toBe(viaZod(page)(data));
  });
});
