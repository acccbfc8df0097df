#!/usr/bin/env node
// Module boundaries (STYLE.md rule 6): a domain module imports another module only through
// its index.ts (shared/ is the common kernel and exempt); packages/* never import apps/*.
// Exit 1 with the list of offending imports.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const domain = path.join(root, 'packages/domain/src');
const problems = [];

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;
for (const file of walk(path.join(root, 'packages'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1];
    if (spec.startsWith('@server/') || spec.includes('/apps/'))
      problems.push(`${path.relative(root, file)}: packages must not import apps (${spec})`);
    if (!file.startsWith(domain + path.sep) || !spec.startsWith('.')) continue;
    const fromMod = path.relative(domain, file).split(path.sep)[0];
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(domain + path.sep)) continue;
    const rel = path.relative(domain, target).split(path.sep);
    const toMod = rel[0];
    if (rel.length === 1 || toMod === fromMod || toMod === 'shared' || fromMod === 'database.ts') continue;
    const isIndex = rel.length === 2 && /^index\.tsx?$/.test(rel[1]);
    const isTables = rel.length === 2 && /\.tables\.ts$/.test(rel[1]) && /import\s+type/.test(m[0]);
    if (!isIndex && !isTables)
      problems.push(`${path.relative(root, file)}: imports ${toMod}/${rel.slice(1).join('/')} — use ../${toMod}/index.ts`);
  }
}

if (problems.length) {
  console.error(`Module boundary violations (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(process.argv.includes('--warn') ? 0 : 1);
}
console.log('module boundaries: ok');
