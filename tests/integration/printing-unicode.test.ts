/**
 * Printed documents in every script a patient's name comes in (shared/pdf: embedded Noto
 * fonts with a CJK and an emoji fallback). A day sheet of two pages is printed through the
 * API and read back by poppler, a reader independent of the writer: `pdftotext` must give
 * every name back exactly, `pdftotext -bbox` shows that no two words overlap (a long name
 * wraps inside its own row), every page carries the date, the location and "Page N of M",
 * and `pdftoppm` renders the first page. Needs poppler-utils (installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '@domain/shared/clock.ts';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York (the org's first location).
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });
// KEEP_PDF=1 keeps the PDFs and the PNG in this folder to look at.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinicdesk-print-'));
afterAll(() => {
  if (!process.env.KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
});

const LONG_GIVEN = 'Maximiliana Alexandrina Konstantina';
const LONG_FAMILY = 'Papadopoulou-Wiśniewska Featherstonehaugh-Montgomery de la Fuente Nguyễn Ångström Li';
/** [given, family]: printed as "given family". */
const NAMES: [string, string][] = [
  ['Łukasz', 'Wiśniewski'],
  ['Văn An', 'Nguyễn'],
  ['Σοφία', 'Παπαδοπούλου'],
  ['Ольга', 'Смирнова'],
  ['秀英', '王'],
  ['José', 'Ñúñez'],
  [LONG_GIVEN, LONG_FAMILY],
];
const LONG_NAME = `${LONG_GIVEN} ${LONG_FAMILY}`;
const TYPE = 'Vaccination 💉';

const collapse = (s: string) => s.replace(/\s+/g, '');

async function newNamedPatient(org: TestOrg, given: string, family: string) {
  const row = await t.db
    .insertInto('patients')
    .values({
      organization_id: org.id,
      mrn: sql<string>`nextval('patient_mrn_seq')::text`,
      given_name: given,
      family_name: family,
      birth_date: '1980-05-17',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 48 ten-minute visits from 09:00 (two pages): the named patients first, then ordinary ones. */
async function fullDay() {
  const org = await t.newOrg();
  await t.db
    .updateTable('locations')
    .set({ address_line1: '12 Główna Street', city: 'Springfield', phone: '+14137360100' })
    .where('id', '=', org.locationId)
    .execute();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { name: TYPE, duration: 10 });
  const fd = t.as(org, 'front_desk');
  const patients = [];
  for (const [given, family] of NAMES) patients.push(await newNamedPatient(org, given, family));
  while (patients.length < 48) patients.push(await newPatient(t.db, org, { givenName: `Filler${patients.length}` }));
  for (const [i, patientId] of patients.entries()) {
    const minutes = 9 * 60 + i * 10;
    const start = `2026-03-04T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, start));
    expect(res.statusCode, res.body).toBe(201);
  }
  const res = await fd.get(`/api/schedule/print?date=2026-03-04&locationId=${org.locationId}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const file = path.join(dir, `${org.id}.pdf`);
  fs.writeFileSync(file, res.rawPayload);
  return { org, file };
}

const poppler = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (points from the top left), from `pdftotext -bbox`. */
function words(file: string): Word[] {
  const html = poppler('pdftotext', ['-bbox', file, '-']);
  const out: Word[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const text = (m[5] ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"');
        out.push({ page: i, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
  return out;
}

describe('printing in every script', () => {
  it('gives every name back exactly, on two numbered pages with the date and location on each, and renders to PNG', async () => {
    const { org, file } = await fullDay();
    expect(LONG_NAME.length).toBe(120);

    const fonts = poppler('pdffonts', [file]);
    // Embedded subsets with a Unicode map; no non-embedded standard font (Helvetica) left.
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoEmoji-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/Helvetica/);

    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
    for (const [given, family] of NAMES.slice(0, -1)) expect(text).toContain(`${given} ${family}`);
    // The long name wraps over several lines of its cell; read back without the line breaks.
    expect(collapse(text)).toContain(collapse(LONG_NAME));
    expect(text).toContain(TYPE);
    expect(text).not.toContain('\ufffd');
    expect(text).toContain('12 Główna Street · Springfield, MA 01103 · Phone (413) 736-0100');

    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Day schedule · Wednesday 2026-03-04');
      expect(page).toContain(`${org.name} · East`);
      expect(page).toContain('Contains patient information');
    });
    // Page 2 repeats the table header and holds the rest of the day.
    expect(pages[1]).toContain('Patient');
    expect(pages[pages.length - 1]).toContain('16:50');

    // Page 1 as a PNG at 72 dpi: the page's size, and ink on some but not most of it.
    poppler('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page1')]);
    const png = fs.readFileSync(path.join(dir, 'page1.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([612, 792]);
    const dark = data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / data.length;
    expect(dark).toBeGreaterThan(0.01);
    expect(dark).toBeLessThan(0.3);
  });

  it('keeps every row inside its own band: no two words overlap, and the long name wraps within its row', async () => {
    const { file } = await fullDay();
    const all = words(file);
    for (const page of new Set(all.map((w) => w.page))) {
      const on = all.filter((w) => w.page === page);
      for (const [i, a] of on.entries()) {
        for (const b of on.slice(i + 1)) {
          const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
          const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
          expect(dx > 0.5 && dy > 0.5, `"${a.text}" overlaps "${b.text}" on page ${page + 1}`).toBe(false);
        }
      }
    }

    // Rows on page 1 start at their time (first column); the long name (09:00 + 6 × 10 min)
    // lies wholly between its row's top and the next row's.
    const page1 = all.filter((w) => w.page === 0);
    const times = page1.filter((w) => /^\d\d:\d\d$/.test(w.text) && w.xMin < 60).sort((a, b) => a.yMin - b.yMin);
    const row = times.findIndex((w) => w.text === '10:00');
    const top = times[row]?.yMin ?? Number.NaN;
    const next = times[row + 1]?.yMin ?? Number.NaN;
    const patientColumn = page1.find((w) => w.text === 'Patient' && w.yMin < top);
    expect(patientColumn).toBeDefined();
    const x = patientColumn?.xMin ?? Number.NaN;
    // The patient column is 190 of the table's 532 points.
    const nameWords = page1.filter((w) => w.yMin >= top - 1 && w.yMin < next - 1 && w.xMin >= x - 1 && w.xMin < x + 186);
    expect(collapse(nameWords.map((w) => w.text).join(''))).toBe(collapse(LONG_NAME));
    const lines = new Set(nameWords.map((w) => Math.round(w.yMin)));
    expect(lines.size).toBeGreaterThan(1);
    for (const w of nameWords) expect(w.yMax).toBeLessThanOrEqual(next + 0.5);
  });
});
