/**
 * Control numbers under concurrency: batches built at the same moment from different ready
 * claims each take their own ISA13/GS06/ST02 from the practice's counter row (held until commit),
 * so none is shared and together they are the next numbers with no gap; claims built at the same
 * moment get distinct patient control numbers.
 */
import { ROLE_PERMISSIONS } from '@domain/access/index.ts';
import { createClaimBatch } from '@domain/claims/index.ts';
import type { Ctx } from '@domain/shared/context.ts';
import type { AppError } from '@domain/shared/errors.ts';
import { parse837P } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, readyClaim, signedVisit, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox(); // before the app is built: it reads CLAIMS_OUTBOX_DIR
const t = await createTestApp();
const N = 6;

describe('claim control numbers under concurrency', () => {
  it('gives N concurrent batches N distinct, consecutive interchange numbers that match their files', async () => {
    const p = await billingPractice(t);
    const claims = [];
    for (let i = 0; i < N; i++) claims.push(await readyClaim(t, p));
    const answers = await Promise.all(claims.map((c) => t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [c.id] })));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const batches = answers.map((a) => a.json() as { id: string; interchangeControlNumber: number; groupControlNumber: number });
    const isa = batches.map((b) => b.interchangeControlNumber).sort((a, b) => a - b);
    expect(new Set(isa).size).toBe(N);
    expect(isa).toEqual(Array.from({ length: N }, (_, i) => (isa[0] ?? 0) + i));
    expect(new Set(batches.map((b) => b.groupControlNumber)).size).toBe(N);
    // Later batches took later numbers: the counter row stands at the next one.
    const counter = await t.db.selectFrom('claim_counters').selectAll().where('organization_id', '=', p.org.id).executeTakeFirstOrThrow();
    expect(Number(counter.next_interchange)).toBe((isa.at(-1) ?? 0) + 1);
    const st = new Set<number>();
    for (const b of batches) {
      const file = await t.as(p.org, 'biller').get(`/api/claim-batches/${b.id}/837`);
      const parsed = parse837P(file.body);
      expect(parsed.envelope.interchangeControlNumber).toBe(b.interchangeControlNumber);
      for (const n of parsed.envelope.transactionControlNumbers) st.add(n);
    }
    expect(st.size).toBe(N);
  }, 120_000);

  it('gives claims built at the same moment distinct patient control numbers', async () => {
    const p = await billingPractice(t);
    const encounters = [];
    for (let i = 0; i < 4; i++) {
      const { patientId } = await billablePatient(t, p);
      encounters.push((await signedVisit(t, p.org, patientId)).encounterId);
    }
    const answers = await Promise.all(encounters.map((encounterId) => t.as(p.org, 'biller').post('/api/claims', { encounterId })));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.json().patientControlNumber)).size).toBe(4);
  }, 120_000);

  it('sends each claim once when batches race for the same claims', async () => {
    const p = await billingPractice(t);
    const claims = [];
    for (let i = 0; i < 3; i++) claims.push(await readyClaim(t, p));
    const ids = claims.map((c) => c.id);
    // The route runs one batch at a time per process; several processes race through the use case.
    const biller: Ctx = {
      ...p.org.ctx,
      actor: {
        kind: 'user',
        userId: p.org.users.biller.id,
        organizationId: p.org.id,
        displayName: 'biller',
        roles: [{ role: 'biller', locationId: null }],
        permissions: new Set(ROLE_PERMISSIONS.biller),
        providerId: null,
        sessionId: null,
      },
    };
    const answers = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => createClaimBatch(biller, { claimIds: i % 2 ? [...ids].reverse() : ids })),
    );
    const won = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(won).toHaveLength(1);
    // The others waited on the winner's row locks, or came after it: their claims are no longer ready.
    for (const a of answers) if (a.status === 'rejected') expect((a.reason as AppError).code, String(a.reason)).toBe('CONFLICT');
    const batchId = won[0]?.id;
    const rows = await t.db.selectFrom('claims').select(['status', 'batch_id']).where('id', 'in', ids).execute();
    expect(rows.map((r) => [r.status, r.batch_id])).toEqual(ids.map(() => ['submitted', batchId]));
    const events = await t.db
      .selectFrom('claim_events')
      .select('claim_id')
      .where('claim_id', 'in', ids)
      .where('to_status', '=', 'submitted')
      .execute();
    expect(events).toHaveLength(3);
    const batches = await t.db.selectFrom('claim_batches').select('id').where('organization_id', '=', p.org.id).execute();
    expect(batches.map((b) => b.id)).toEqual([batchId]);
  }, 120_000);
});
