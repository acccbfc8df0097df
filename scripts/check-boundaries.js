#!/usr/bin/env node
// Module boundaries (docs/ARCHITECTURE.md, "Modules"):
//  1. a domain module imports another module only through its index.ts (shared/ is the common
//     kernel and exempt; module.ts files and modules.ts compose modules); packages/* never import apps/*;
//     no module imports modules.ts statically (it reads the list lazily: `await import('../modules.ts')`);
//  2. only the module that owns a table (its module.ts `tables`) queries it (views it declares in
//     `views` are open to every module for reading), through Kysely
//     (selectFrom, insertInto, updateTable, deleteFrom, joins) or raw SQL (from/join/into/update).
//     Known crossings still being paid down are listed in scripts/boundary-debt.txt: the check fails
//     on a crossing not listed there, and on a listed one that no longer exists (the list only shrinks).
// Usage: check-boundaries.js [root]   Exit 1 with the list of problems.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(import.meta.dirname, '..'));
const domain = path.join(root, 'packages/domain/src');
const debtFile = path.join(root, 'scripts/boundary-debt.txt');
const problems = [];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// 1. Imports.
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;
for (const file of walk(path.join(root, 'packages'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1];
    if (spec.startsWith('@server/') || spec.includes('/apps/'))
      problems.push(`${path.relative(root, file)}: packages must not import apps (${spec})`);
    if (!file.startsWith(domain + path.sep) || !spec.startsWith('.')) continue;
    const fromRel = path.relative(domain, file).split(path.sep);
    const fromMod = fromRel[0];
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(domain + path.sep)) continue;
    const rel = path.relative(domain, target).split(path.sep);
    const toMod = rel[0];
    if (rel.length === 1 && /^modules\.tsx?$/.test(toMod) && fromRel.length > 1 && !/import\s+type/.test(m[0]))
      problems.push(`${path.relative(root, file)}: imports modules.ts statically — use await import('../modules.ts')`);
    if (rel.length === 1 || toMod === fromMod || toMod === 'shared' || fromRel.length === 1) continue;
    const isIndex = rel.length === 2 && /^index\.tsx?$/.test(rel[1]);
    const isTables = rel.length === 2 && /\.tables\.ts$/.test(rel[1]) && /import\s+type/.test(m[0]);
    const isManifest = fromRel.length === 2 && fromRel[1] === 'module.ts' && rel.length === 2 && rel[1] === 'module.ts';
    if (!isIndex && !isTables && !isManifest)
      problems.push(`${path.relative(root, file)}: imports ${toMod}/${rel.slice(1).join('/')} — use ../${toMod}/index.ts`);
  }
}

// 2. Table ownership, from each module's manifest.
const owners = new Map();
const views = new Map();
const modules = fs.existsSync(domain) ? fs.readdirSync(domain).filter((d) => fs.existsSync(path.join(domain, d, 'module.ts'))) : [];
for (const mod of modules) {
  const text = fs.readFileSync(path.join(domain, mod, 'module.ts'), 'utf8');
  const list = /tables:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
  for (const t of list.matchAll(/'([a-z_][a-z0-9_]*)'/g)) {
    if (owners.has(t[1])) problems.push(`table ${t[1]} is owned by both ${owners.get(t[1])} and ${mod}`);
    owners.set(t[1], mod);
  }
  // Views a module offers to the others (its read surface): anyone may read them.
  const viewList = /views:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
  for (const v of viewList.matchAll(/'([a-z_][a-z0-9_]*)'/g)) {
    if (owners.has(v[1]) || views.has(v[1])) problems.push(`view ${v[1]} is declared twice (${mod})`);
    views.set(v[1], mod);
  }
}
const builderRe =
  /\b(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*['"]([a-z_][a-z0-9_]*)/g;
const rawRe = /\b(from|join|into|update)\s+([a-z_][a-z0-9_]*)\b/gi;
const crossings = new Set();
for (const mod of modules) {
  for (const file of walk(path.join(domain, mod))) {
    if (file.endsWith('.test.ts')) continue;
    const rel = path.relative(domain, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const hits = [];
    for (const m of text.matchAll(builderRe)) hits.push([m[1], m[2]]);
    // Raw SQL: the text of every template literal (a nested sql`…` inside \${} splits one into
    // pieces, and each piece is scanned; an expression builder's selectFrom has no leading dot).
    for (const tpl of text.matchAll(/`([^`]*)`/gs)) for (const m of tpl[1].matchAll(rawRe)) hits.push([m[1].toLowerCase(), m[2]]);
    for (const [how, table] of hits) {
      const owner = owners.get(table);
      if (owner && owner !== mod) crossings.add(`${rel} ${how} ${table} (owned by ${owner})`);
    }
  }
}
const debt = new Set(
  fs.existsSync(debtFile)
    ? fs
        .readFileSync(debtFile, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [],
);
for (const c of [...crossings].sort()) if (!debt.has(c)) problems.push(`${c}: query another module's table through its index.ts`);
for (const d of [...debt].sort())
  if (!crossings.has(d)) problems.push(`scripts/boundary-debt.txt lists "${d}", which no longer exists: delete the line`);

if (problems.length) {
  console.error(`Module boundary violations (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(process.argv.includes('--warn') ? 0 : 1);
}
console.log(
  `module boundaries: ok (${owners.size} tables in ${modules.length} modules; ${debt.size} known crossings left in scripts/boundary-debt.txt)`,
);
