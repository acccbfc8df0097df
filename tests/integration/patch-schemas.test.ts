import { patchSchemaOf } from '@domain/shared/patch-schema.ts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('PATCH leaves unnamed fields alone', () => {
  it('drops defaults and refuses unknown fields', () => {
    const schema = patchSchemaOf(z.strictObject({ a: z.string().default('x'), b: z.number().default(1), c: z.boolean() }));
    expect(schema.parse({ c: true })).toEqual({ c: true });
    expect(schema.safeParse({ d: 1 }).success).toBe(false);
    expect(schema.safeParse({ a: 5 }).success).toBe(false);
  });

  it('keeps an appointment type’s buffer, colour and providers when only its name changes', async () => {
    const org = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    const created = await mgr.post('/api/appointment-types', {
      name: 'Long visit',
      durationMinutes: 45,
      bufferMinutes: 10,
      color: '#ff0000',
      providerIds: [org.providerId],
    });
    expect(created.statusCode).toBe(201);
    const type = created.json();
    const renamed = await mgr.patch(`/api/appointment-types/${type.id}`, { name: 'Extended visit' }, { 'if-match': '"1"' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Extended visit', bufferMinutes: 10, color: '#ff0000', providerIds: [org.providerId] });
  });
});
