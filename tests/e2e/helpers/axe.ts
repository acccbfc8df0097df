/**
 * axe-core on the page as it is now: WCAG 2.0-2.2 A and AA rules. The engine is evaluated
 * through the DevTools protocol (not a <script> tag), so the server's strict CSP stays on and
 * reports nothing. A test asserts `serious(...)` is empty; the text names each rule, its
 * impact and the first elements it found, so a failure says what to fix.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function runAxe(page: Page, opts: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  // A dialog still fading in is half transparent: axe would measure its text against the page
  // behind it. Wait for every running transition and finite animation to end first (a spinner
  // turns for ever).
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
    undefined,
    { timeout: 10_000 },
  );
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
    const r = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, opts.exclude ?? []);
}

/** The serious and critical violations, one line each (empty when the page passes). */
export async function seriousViolations(page: Page, opts: { exclude?: string[] } = {}): Promise<string[]> {
  const all = await runAxe(page, opts);
  return all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      // The first element's own finding (for contrast: the two colours and the ratio) says what to fix.
      const why = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim();
      return `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}${why ? ` [${why}]` : ''}`;
    });
}
