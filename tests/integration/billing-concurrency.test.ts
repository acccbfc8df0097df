/**
 * Fee schedule writes at the same moment: the overlap rule is an exclusion constraint that is
 * deferrable (imports check it at commit), so two overlapping entries written at once may only
 * meet when the second one commits. Whichever way they meet, one is created (201) and the other
 * answers 409 problem+json naming effectiveFrom; never a 500, and the schedule holds one entry.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('fee schedule writes at the same moment', () => {
  it('two simultaneous overlapping POSTs: one 201, one 409 naming effectiveFrom, never 500 (several rounds)', async () => {
    const org = await t.newOrg();
    const biller = t.as(org, 'biller');
    const codes = ['99211', '99212', '99213', '99214', '99215', '36415', '96372', '90471'];
    for (const code of codes) {
      const [a, b] = await Promise.all([
        biller.post('/api/fee-schedule', { code, amountCents: 10_000, effectiveFrom: '2026-01-01' }),
        biller.post('/api/fee-schedule', { code, amountCents: 12_000, effectiveFrom: '2026-03-01', effectiveTo: '2026-12-31' }),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${code}: ${a.body} ${b.body}`).toEqual([201, 409]);
      const refused = a.statusCode === 409 ? a : b;
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({
        code: 'CONFLICT',
        errors: [{ path: 'effectiveFrom', message: expect.stringContaining(code) }],
      });
    }
    const rows = await t.db.selectFrom('fee_schedule_entries').select('code').where('organization_id', '=', org.id).execute();
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
  });

  it('an entry added while an import of overlapping dates runs: one of them wins, the other is a 409, never 500', async () => {
    const org = await t.newOrg();
    const biller = t.as(org, 'biller');
    const csv = [
      'code,modifier,amount,effective_from,effective_to',
      ...['99211', '99212', '99213'].map((c) => `${c},,100.00,2026-01-01,`),
    ].join('\n');
    const [imported, added] = await Promise.all([
      t.app.inject({
        method: 'POST',
        url: '/api/fee-schedule/import',
        headers: { authorization: `Bearer ${org.users.biller.token}`, 'content-type': 'text/csv' },
        payload: csv,
      }),
      biller.post('/api/fee-schedule', { code: '99212', amountCents: 9_000, effectiveFrom: '2026-02-01' }),
    ]);
    const statuses = [imported.statusCode, added.statusCode];
    expect(
      statuses.filter((s) => s >= 500),
      `${imported.body} ${added.body}`,
    ).toEqual([]);
    // Exactly one wins. The import validates against what it sees: an entry committed before it
    // read the schedule is a bad row (400 naming the row's effective_from); an entry it could not
    // see meets it at commit (409), as does an entry added after the import committed.
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
    const loser = imported.statusCode === 200 ? added : imported;
    expect(loser === added ? [409] : [400, 409]).toContain(loser.statusCode);
    expect(loser.json().errors[0].path).toMatch(/effective_?[fF]rom$/);
  });
});
