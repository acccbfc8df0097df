/**
 * Names are found as written and as typed (issue 11): diacritics folded the same way in the
 * database's keys (migration 0124) and in the typed query (fold-name.ts), names in other
 * scripts keyed at all, and restricted records shown locked to whoever may break the glass.
 */
import { foldName, nameToken } from '@domain/patients/fold-name.ts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

type Item = { id: string; givenName: string; familyName: string; middleName: string | null; phones: unknown[]; locked: boolean };

async function register(org: TestOrg, body: Record<string, unknown>) {
  const res = await t.as(org, 'front_desk').post('/api/patients', { confirmNotDuplicate: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; mrn: string };
}

const search = async (org: TestOrg, q: string, role: 'front_desk' | 'nurse' = 'front_desk') => {
  const res = await t.as(org, role).get(`/api/patients?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
};

describe('diacritics and scripts', () => {
  it('folds a name in the database exactly as the search box folds what is typed', async () => {
    const names = [
      'José Ñúñez',
      'NGUYỄN Văn Đức',
      'Łukasz Żółć',
      'Søren Kierkegaard',
      'Straße Æsir Œuvre Þór',
      'İlkay Işık',
      'Дмитрий Иванов',
      'Ελένη Παπαδοπούλου',
      '王小明',
      'François-Xavier O’Connor',
      'やまだ たろう',
      'ジョン・スミス',
      'देवनागरी',
      'ΟΔΥΣΣΕΑΣ Οδυσσέας',
    ];
    for (const name of names) {
      const { rows } = await sql<{ f: string }>`select clinicdesk_fold_name(${name}) as f`.execute(t.db);
      expect(rows[0]?.f, name).toBe(foldName(name));
      // Each name part typed as one token is a key the database gave that part.
      for (const part of name.split(' ')) {
        const words = await sql<{ w: string[] }>`select patient_name_words(${part}, null, null, null) as w`.execute(t.db);
        expect(words.rows[0]?.w, part).toContain(nameToken(part));
      }
    }
    expect(foldName('José Ñúñez')).toBe('jose nunez');
    expect(nameToken('Ñúñez')).toBe('nunez');
    expect(nameToken('O’Connor')).toBe('oconnor');
    expect(nameToken('Дмитрий')).toBe('дмитрии');
  });

  it('finds José Ñúñez by "jose nunez" and by the accents, and names in other scripts by their letters', async () => {
    const org = await t.newOrg();
    const jose = await register(org, { givenName: 'José', familyName: 'Ñúñez', birthDate: '1971-04-02' });
    const duc = await register(org, { givenName: 'Đức', middleName: 'Văn', familyName: 'Nguyễn', birthDate: '1988-12-01' });
    const dmitri = await register(org, { givenName: 'Дмитрий', familyName: 'Иванов', birthDate: '1965-06-30' });
    const ming = await register(org, { givenName: '小明', familyName: '王', birthDate: '2001-02-03' });
    const soren = await register(org, { givenName: 'Søren', familyName: 'Straße', birthDate: '1950-05-05' });
    const jones = await register(org, { givenName: 'Joseph', familyName: 'Jones', birthDate: '1990-01-01' });

    const ids = async (q: string) => (await search(org, q)).map((i) => i.id);
    for (const q of ['jose nunez', 'José Ñúñez', 'JOSE NUNEZ', 'nunez', 'ñúñ', 'nun jos']) {
      expect((await ids(q))[0], q).toBe(jose.id);
    }
    expect(await ids('nunez')).toEqual([jose.id]);
    for (const q of ['nguyen duc', 'Nguyễn Đức', 'duc van', 'ngu']) expect(await ids(q), q).toEqual([duc.id]);
    for (const q of ['дмитрий', 'Дмитрий Иванов', 'иван']) expect(await ids(q), q).toEqual([dmitri.id]);
    // A prefix of over 4 letters in another script begins its words too (their letters sort
    // after every ASCII character, so the word range must end past every letter, not at "{").
    const konst = await register(org, { givenName: 'Александр', familyName: 'Константинов', birthDate: '1970-03-08' });
    for (const q of ['конста', 'констант алекс']) expect(await ids(q), q).toEqual([konst.id]);
    for (const q of ['王', '小明 王']) expect(await ids(q), q).toEqual([ming.id]);
    for (const q of ['soren strasse', 'Søren', 'strasse']) expect(await ids(q), q).toEqual([soren.id]);
    // Folding does not blur the other names: "jos" still begins Joseph, and José ranks by the whole word.
    expect(await ids('jose')).toEqual([jose.id, jones.id]);
  });

  it('flags Jose Nunez as a possible duplicate of José Ñúñez on the same birth date', async () => {
    const org = await t.newOrg();
    await register(org, { givenName: 'José', familyName: 'Ñúñez', birthDate: '1971-04-02' });
    const again = await t.as(org, 'front_desk').post('/api/patients', { givenName: 'Jose', familyName: 'Nunez', birthDate: '1971-04-02' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('POSSIBLE_DUPLICATE');
  });
});

describe('restricted records in search', () => {
  it('shows a restricted match as a locked entry to a user who may break the glass, to nobody else, and unlocks it with a grant', async () => {
    const org = await t.newOrg();
    const pt = await register(org, {
      givenName: 'Greta',
      middleName: 'Lovisa',
      familyName: 'Garbo',
      birthDate: '1975-09-18',
      phones: [{ type: 'mobile', number: '303-555-0142' }],
    });
    const other = await register(org, { givenName: 'Gary', familyName: 'Garbutt', birthDate: '1980-01-01' });
    // The office manager restricts it and is therefore on its care team; the nurse is not.
    const res = await t.as(org, 'office_manager').patch(`/api/patients/${pt.id}`, { restricted: true }, { 'if-match': `"${pt.version}"` });
    expect(res.statusCode, res.body).toBe(200);

    // Front desk (no break_glass): absent, as before.
    expect((await search(org, 'garb')).map((i) => i.id)).toEqual([other.id]);

    // The nurse sees who it is, and nothing more, and the search's audit row counts it.
    const locked = (await search(org, 'garb', 'nurse')).find((i) => i.id === pt.id);
    expect(locked).toMatchObject({ givenName: 'Greta', familyName: 'Garbo', middleName: null, phones: [], locked: true });
    expect((await search(org, 'garb', 'nurse')).find((i) => i.id === other.id)?.locked).toBe(false);
    expect((await t.as(org, 'nurse').get(`/api/patients/${pt.id}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('organization_id', '=', org.id)
      .where('user_id', '=', org.users.nurse.id)
      .where('action', '=', 'search')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ resultCount: 2, lockedIds: [pt.id] });
    // It matches only on what it shows: its phone, or its middle name, confirms nothing.
    for (const q of ['3035550142', 'lovisa', 'garbo lovisa']) {
      expect(
        (await search(org, q, 'nurse')).map((i) => i.id),
        q,
      ).not.toContain(pt.id);
    }
    expect((await search(org, `garbo ${pt.mrn}`, 'nurse')).map((i) => i.id)).toEqual([pt.id]);
    // Nor does the registry listed without terms show it.
    const listed = await t.as(org, 'nurse').get('/api/patients?limit=100');
    expect(listed.json().items.map((i: { id: string }) => i.id)).not.toContain(pt.id);

    // After breaking the glass the entry is an ordinary one.
    const bg = await t
      .as(org, 'nurse')
      .post(`/api/patients/${pt.id}/break-glass`, { reason: 'patient collapsed in the lobby', minutes: 15 });
    expect(bg.statusCode, bg.body).toBe(201);
    const open = (await search(org, 'garbo', 'nurse')).find((i) => i.id === pt.id);
    expect(open).toMatchObject({ middleName: 'Lovisa', locked: false });
    expect(open?.phones).toHaveLength(1);
  });
});
