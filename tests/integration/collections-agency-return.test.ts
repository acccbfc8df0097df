/**
 * The agency returns an account: only one at the agency (409 otherwise), with a reason (400 naming
 * it), by who may send accounts there (front desk 403, another practice 404); it is `returned`
 * today, works from the worklist again (not under the at-agency filter), and the return is audited.
 */
import { approveCharge } from '@domain/billing/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-07-10T15:00:00Z');
const t = await createTestApp({ clock });

type Row = { guarantorKey: string; agencyStatus: string; patients: { id: string }[] };

describe('accounts returned by the agency', () => {
  it('marks a sent account returned with the reason, back on the worklist; refuses the rest', async () => {
    const p = await billingPractice(t);
    const { patientId } = await billablePatient(t, p);
    const visit = await signedVisit(t, p.org, patientId, undefined, { approve: false });
    const then = systemCtx(t.db, new FakeClock('2026-03-01T15:00:00Z'), p.org.id, 'tests', 'test-approve');
    for (const c of await t.db.selectFrom('charges').select(['id', 'version']).where('encounter_id', '=', visit.encounterId).execute())
      await approveCharge(then, c.id, c.version);
    const worklist = async (q = '') =>
      ((await t.as(p.org, 'biller').get(`/api/collections/worklist${q}`)).json() as { items: Row[] }).items.filter((r) =>
        r.patients.some((x) => x.id === patientId),
      );
    const key = (await worklist())[0]?.guarantorKey as string;
    expect(key).toBeTruthy();
    const ret = (as: 'biller' | 'front_desk', body: Record<string, unknown>, org = p.org) =>
      t.as(org, as).post('/api/collections/agency/return', body);

    // Not at the agency yet: 409, nothing changes.
    expect((await ret('biller', { guarantorKey: key, reason: 'Paid in full' })).statusCode).toBe(409);
    const sent = await t.as(p.org, 'biller').post('/api/collections/agency', { guarantorKeys: [key] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await worklist('?agency=sent')).map((r) => r.agencyStatus)).toEqual(['sent']);

    const noReason = await ret('biller', { guarantorKey: key, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    expect((await ret('front_desk', { guarantorKey: key, reason: 'x' })).statusCode).toBe(403);
    const other = await billingPractice(t);
    expect((await ret('biller', { guarantorKey: key, reason: 'x' }, other.org)).statusCode).toBe(404);
    expect((await worklist('?agency=sent')).map((r) => r.agencyStatus)).toEqual(['sent']);

    const res = await ret('biller', { guarantorKey: key, reason: 'Could not locate the guarantor' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      guarantorKey: key,
      agencyStatus: 'returned',
      agencySentOn: '2026-07-10',
      agencyReturnedOn: '2026-07-10',
      reason: 'Could not locate the guarantor',
    });
    expect(await worklist('?agency=sent')).toEqual([]);
    expect((await worklist('?agency=returned')).map((r) => r.agencyStatus)).toEqual(['returned']);
    // Once returned it is not at the agency: a second return is a 409.
    expect((await ret('biller', { guarantorKey: key, reason: 'again' })).statusCode).toBe(409);
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'collection_agency')
      .where('action', '=', 'update')
      .execute();
    expect(audited).toEqual([
      { action: 'update', details: { guarantorKey: key, returnedOn: '2026-07-10', reason: 'Could not locate the guarantor' } },
    ]);
    // It can be sent again later.
    expect((await t.as(p.org, 'biller').post('/api/collections/agency', { guarantorKeys: [key] })).statusCode).toBe(200);
    expect((await worklist('?agency=sent')).map((r) => r.agencyStatus)).toEqual(['sent']);
  }, 120_000);
});
