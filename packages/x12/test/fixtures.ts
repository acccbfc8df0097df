import fs from 'node:fs';
import path from 'node:path';

/**
 * The public X12 samples kept in the repository (tests/fixtures/x12: sources, licenses and their
 * known faults in its README), or the folder X12_FIXTURES_DIR names.
 */
export const fixturesDir = path.resolve(process.env.X12_FIXTURES_DIR ?? path.join(import.meta.dirname, '../../../tests/fixtures/x12'));

if (!fs.existsSync(fixturesDir)) throw new Error(`X12 fixtures not found at ${fixturesDir} (X12_FIXTURES_DIR)`);

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(fixturesDir, rel), 'latin1');
}

export function fixtureNames(folder: string): string[] {
  return fs.readdirSync(path.join(fixturesDir, folder)).sort();
}
