/**
 * Adjustment reason texts the office imports: a CSV upserts them (either header), the office's
 * text wins over the built-in one in the denial queue, the claim detail and the appeal letter;
 * a bad row refuses the whole file naming rows.N.column; clearing goes back to built-in; each
 * organization sees only its own list; reading needs claim:read, importing claim:settings.
 */
import { describe, expect, it } from 'vitest';
import { billingPractice, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { clp, era, sentClaim, X12 } from '../helpers/remittance-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();
const CSV = { 'content-type': 'text/csv' };

type Item = { codeSet: string; code: string; description: string; source: string };

describe('adjustment reason texts', () => {
  it('imports the office list and shows its texts first in denials, claim detail and the appeal letter', async () => {
    const p = await billingPractice(t);
    const denied = await sentClaim(t, p);
    const file = era(
      [
        clp(
          denied,
          denied.lines.map((l) => ({
            paidCents: 0,
            adjustments: [{ group: 'CO', reasonCode: '50', amountCents: l.chargeCents }],
            remarkCodes: ['N115'],
          })),
          { statusCode: '4' },
        ),
      ],
      { trace: `R${p.org.id.slice(0, 8)}` },
    );
    expect((await t.as(p.org, 'biller').post('/api/remittances', file, X12)).statusCode).toBe(201);

    // Before the import: the built-in text, remark codes without text.
    const before = (await t.as(p.org, 'biller').get('/api/denials')).json().items;
    expect(before[0]).toMatchObject({ reasonCode: '50', reasonText: 'Payer does not consider the service medically necessary' });
    expect(before[0].remarks).toEqual([{ code: 'N115', text: null }]);

    const csv = [
      'codeSet,code,description',
      'CARC,50,"Office wording: not deemed a medical necessity, see payer policy"',
      'RARC,N115,Office wording for remark N115',
      'CARC,A1,Office wording: claim denied',
    ].join('\n');
    const res = await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', csv, CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3, updated: 0, errors: [] });
    // The two-column form with ?codeSet=: updates one, adds one.
    const two = await t
      .as(p.org, 'office_manager')
      .post(
        '/api/adjustment-reasons/import?codeSet=RARC',
        'code,description\nN115,Office wording for remark N115 (v2)\nM15,Office M15\n',
        CSV,
      );
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json()).toEqual({ imported: 1, updated: 1, errors: [] });

    const denials = (await t.as(p.org, 'biller').get('/api/denials')).json().items;
    expect(denials.length).toBeGreaterThan(0);
    for (const d of denials) {
      expect(d.reasonText).toBe('Office wording: not deemed a medical necessity, see payer policy');
      expect(d.remarks).toEqual([{ code: 'N115', text: 'Office wording for remark N115 (v2)' }]);
    }
    const claim = (await t.as(p.org, 'biller').get(`/api/claims/${denied.id}`)).json();
    expect(claim.adjustments[0]).toMatchObject({
      reasonCode: '50',
      reasonText: 'Office wording: not deemed a medical necessity, see payer policy',
    });
    expect(claim.lineAdjudication[0].adjustments[0].reasonText).toBe('Office wording: not deemed a medical necessity, see payer policy');
    expect(claim.lineAdjudication[0].remarks).toEqual([{ code: 'N115', text: 'Office wording for remark N115 (v2)' }]);
    const letter = await t.as(p.org, 'biller').get(`/api/claims/${denied.id}/appeal-letter.pdf`);
    expect(letter.statusCode, letter.body).toBe(200);
    const text = (await pdfText(letter.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('CO-50: Office wording: not deemed a medical necessity, see payer policy');

    // The list: office rows and built-in ones not overridden.
    const carc = (await t.as(p.org, 'biller').get('/api/adjustment-reasons?codeSet=CARC&limit=200')).json().items as Item[];
    expect(carc.find((i) => i.code === '50')).toEqual({
      codeSet: 'CARC',
      code: '50',
      description: 'Office wording: not deemed a medical necessity, see payer policy',
      source: 'office',
    });
    expect(carc.filter((i) => i.code === '50')).toHaveLength(1);
    expect(carc.find((i) => i.code === '45')).toMatchObject({ source: 'built-in' });
    const search = (await t.as(p.org, 'biller').get('/api/adjustment-reasons?q=office%20wording')).json().items as Item[];
    expect(search.map((i) => `${i.codeSet} ${i.code}`).sort()).toEqual(['CARC 50', 'CARC A1', 'RARC N115']);

    // The import is audited (organization data, no patient).
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'details'])
      .where('organization_id', '=', p.org.id)
      .where('resource_type', '=', 'adjustment_reasons')
      .orderBy('occurred_at')
      .execute();
    expect(audited).toEqual([
      { action: 'update', patient_id: null, details: { codeSet: null, imported: 3, updated: 0 } },
      { action: 'update', patient_id: null, details: { codeSet: 'RARC', imported: 1, updated: 1 } },
    ]);

    // Clearing CARC goes back to the built-in text; RARC stays.
    const cleared = await t.as(p.org, 'biller').delete('/api/adjustment-reasons?codeSet=CARC');
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toEqual({ deleted: 2 });
    const after = (await t.as(p.org, 'biller').get('/api/denials')).json().items;
    expect(after[0].reasonText).toBe('Payer does not consider the service medically necessary');
    expect(after[0].remarks).toEqual([{ code: 'N115', text: 'Office wording for remark N115 (v2)' }]);
  }, 120_000);

  it('refuses a file with a bad row naming rows.N.column, and changes nothing', async () => {
    const p = await billingPractice(t);
    expect(
      (await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', 'codeSet,code,description\nCARC,45,Mine\n', CSV)).statusCode,
    ).toBe(200);
    const bad = [
      'codeSet,code,description',
      'CARC,45,Changed',
      'CARC,97,Fine',
      `RARC,N1,${'x'.repeat(1001)}`,
      'XYZ,12,Bad set',
      'CARC,!!,Bad code',
    ];
    const res = await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', bad.join('\n'), CSV);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(['rows.4.description', 'rows.5.codeSet', 'rows.6.code']);
    // A two-column file without ?codeSet= names the parameter.
    const noSet = await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', 'code,description\n45,x\n', CSV);
    expect(noSet.statusCode).toBe(400);
    expect(noSet.json().errors[0].path).toBe('codeSet');
    // A duplicate code in the file.
    const dup = await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', 'codeSet,code,description\nCARC,45,a\ncarc,45,b\n', CSV);
    expect(dup.json().errors.map((e: { path: string }) => e.path)).toEqual(['rows.3.code']);
    const rows = await t.db
      .selectFrom('adjustment_reason_texts')
      .select(['code', 'description'])
      .where('organization_id', '=', p.org.id)
      .execute();
    expect(rows).toEqual([{ code: '45', description: 'Mine' }]);
    // Not CSV at all.
    expect((await t.as(p.org, 'biller').post('/api/adjustment-reasons/import', { codeSet: 'CARC' })).statusCode).toBe(415);
  });

  it("keeps each organization's list to itself, pages the list, and checks permissions", async () => {
    const a = await billingPractice(t);
    const b = await billingPractice(t);
    const many = ['code,description', ...Array.from({ length: 30 }, (_, i) => `N${100 + i},Remark ${i}`)].join('\n');
    expect((await t.as(a.org, 'biller').post('/api/adjustment-reasons/import?codeSet=RARC', many, CSV)).json()).toMatchObject({
      imported: 30,
    });
    const bList = (await t.as(b.org, 'biller').get('/api/adjustment-reasons?codeSet=RARC')).json();
    expect(bList.items).toEqual([]);
    expect((await t.as(b.org, 'biller').delete('/api/adjustment-reasons')).json()).toEqual({ deleted: 0 });

    // Paging: 30 office RARC rows in pages of 7, each once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url = `/api/adjustment-reasons?codeSet=RARC&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.as(a.org, 'biller').get(url)).json() as { items: Item[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `N${100 + i}`));
    // Every code set, paged across the built-in and office rows without repeats.
    const all: string[] = [];
    cursor = null;
    do {
      const page = (await t.as(a.org, 'biller').get(`/api/adjustment-reasons?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
        items: Item[];
        nextCursor: string | null;
      };
      all.push(...page.items.map((i) => `${i.codeSet}|${i.code}`));
      cursor = page.nextCursor;
    } while (cursor && all.length < 500);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((k) => k.startsWith('RARC|'))).toHaveLength(30);
    expect(all).toContain('GROUP|CO');

    for (const role of ['front_desk', 'clinician', 'nurse'] as const) {
      expect((await t.as(a.org, role).get('/api/adjustment-reasons')).statusCode).toBe(403);
      expect(
        (await t.as(a.org, role).post('/api/adjustment-reasons/import?codeSet=CARC', 'code,description\n45,x\n', CSV)).statusCode,
      ).toBe(403);
      expect((await t.as(a.org, role).delete('/api/adjustment-reasons')).statusCode).toBe(403);
    }
    const rarc = await t.db
      .selectFrom('adjustment_reason_texts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', a.org.id)
      .executeTakeFirstOrThrow();
    expect(Number(rarc.n)).toBe(30);
  });
});
