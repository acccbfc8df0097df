/**
 * Stand-in for Mantine's internal `InlineStyles` (vite.config.ts aliases it here).
 * Mantine renders responsive and AppShell CSS variables as a `<style>` element, which our
 * CSP (`style-src 'self'`) blocks. The same CSS goes into a constructed stylesheet adopted by
 * the document instead: CSSOM, which the CSP allows. Sheets are shared by their text.
 */
import { useInsertionEffect } from 'react';

type CssObject = Record<string, string | number | undefined>;

export interface InlineStylesProps {
  selector: string;
  styles?: CssObject;
  media?: { query: string; styles: CssObject }[];
  container?: { query: string; styles: CssObject }[];
  deduplicate?: boolean;
}

const kebab = (s: string) => (s.startsWith('--') ? s : s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

function declarations(css: CssObject): string {
  return Object.entries(css)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${kebab(k)}:${v};`)
    .join('');
}

/** The same text Mantine would have put in the `<style>` element. */
export function stylesToString({ selector, styles, media, container }: InlineStylesProps): string {
  const base = styles ? declarations(styles) : '';
  const m = (media ?? []).map((i) => `@media${i.query}{${selector}{${declarations(i.styles)}}}`);
  const c = (container ?? []).map((i) => `@container ${i.query}{${selector}{${declarations(i.styles)}}}`);
  return `${base ? `${selector}{${base}}` : ''}${m.join('')}${c.join('')}`.trim();
}

const sheets = new Map<string, { sheet: CSSStyleSheet; users: number }>();

function adopt(css: string): () => void {
  let entry = sheets.get(css);
  if (!entry) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    entry = { sheet, users: 0 };
    sheets.set(css, entry);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  entry.users++;
  const held = entry;
  return () => {
    held.users--;
    if (held.users > 0) return;
    sheets.delete(css);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== held.sheet);
  };
}

export function InlineStyles(props: InlineStylesProps): null {
  const css = stylesToString(props);
  useInsertionEffect(() => (css ? adopt(css) : undefined), [css]);
  return null;
}
