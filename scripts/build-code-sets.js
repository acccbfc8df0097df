#!/usr/bin/env node
// Derives the code-set files shipped in packages/db/reference/ from the CMS files (which are not
// in the repository). Run it when CMS publishes a new release, then commit its outputs; the
// server loads them after migrating (packages/db/src/reference-data.ts) whenever a file changed.
//
//   node scripts/build-code-sets.js [fixtures dir, default ../shared/fixtures/codes]
//
// icd10cm-2026.tsv.gz  code (with its dot) \t billable (1|0) \t long description
//   from icd10cm_order_2026.txt (fixed width: order 1-5, code 7-13, billable 15, short 17-76, long 78-).
// hcpcs-2025-10.tsv.gz code \t kind (procedure|modifier) \t short \t long \t terminated (YYYY-MM-DD or empty)
//   from HCPC2025_OCT_ANWEB.derived.csv (RECID 3: procedure codes; RECID 7: modifiers, right-justified).
// Both sorted by code; gzip output is deterministic (no name, no time), so an unchanged source
// gives byte-identical files and the loader's SHA-256 does not change.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.join(import.meta.dirname, '..');
const src = path.resolve(process.argv[2] ?? path.join(root, '../shared/fixtures/codes'));
const out = path.join(root, 'packages/db/reference');

const clean = (s) =>
  s
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

function write(name, lines) {
  const gz = zlib.gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
  fs.writeFileSync(path.join(out, name), gz);
  console.log(`${name}: ${lines.length} rows, ${gz.length} bytes`);
}

// ICD-10-CM order file.
const order = fs.readFileSync(path.join(src, 'icd10cm/icd10cm_order_2026.txt'), 'latin1').split(/\r?\n/).filter(Boolean);
const icd = order.map((line) => {
  const key = line.slice(6, 13).trim();
  const billable = line.slice(14, 15);
  if (!/^[A-Z][0-9A-Z]{2,6}$/.test(key) || !/^[01]$/.test(billable)) throw new Error(`unexpected order line: ${line}`);
  const code = key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key;
  return [code, billable, clean(line.slice(77))];
});
icd.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
write(
  'icd10cm-2026.tsv.gz',
  icd.map((r) => r.join('\t')),
);

// HCPCS Level II: a small CSV reader (quoted fields with doubled quotes).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
const [header, ...records] = parseCsv(fs.readFileSync(path.join(src, 'hcpcs/HCPC2025_OCT_ANWEB.derived.csv'), 'latin1'));
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`HCPCS file has no column ${name}`);
  return i;
};
const [iCode, iRec, iLong, iShort, iTerm] = ['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'TERM DT'].map(col);
const hcpcs = [];
for (const r of records) {
  const recid = r[iRec];
  if (recid !== '3' && recid !== '7') continue;
  const code = r[iCode].trim();
  const kind = recid === '3' ? 'procedure' : 'modifier';
  if (kind === 'procedure' ? !/^[A-V][0-9]{4}$/.test(code) : !/^[0-9A-Z]{2}$/.test(code)) throw new Error(`unexpected HCPCS code ${code}`);
  const term = r[iTerm].trim();
  if (term && !/^\d{8}$/.test(term)) throw new Error(`unexpected TERM DT ${term} for ${code}`);
  const long = clean(r[iLong]);
  const short = clean(r[iShort]) || long.slice(0, 100);
  hcpcs.push([code, kind, short, long, term ? `${term.slice(0, 4)}-${term.slice(4, 6)}-${term.slice(6)}` : '']);
}
hcpcs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
write(
  'hcpcs-2025-10.tsv.gz',
  hcpcs.map((r) => r.join('\t')),
);
