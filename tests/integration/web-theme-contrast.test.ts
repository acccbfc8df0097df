/**
 * The theme's text colours against the backgrounds they sit on, by the WCAG 2.2 formula: the
 * text of light and subtle buttons and badges (`light-color`) on their background (`light`) and
 * on their background under the pointer (`light-hover`), for every hue the theme sets a text colour
 * for. axe in the browser suite sees a hover only when the pointer happens to rest on such a
 * button; here every hue is checked whatever the pointer does. Mantine's palette comes from its
 * stylesheet; apps/web/src/styles/theme.css overrides it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const mantine = readFileSync(path.join(ROOT, 'node_modules/@mantine/core/styles.css'), 'utf8');
const theme = readFileSync(path.join(ROOT, 'apps/web/src/styles/theme.css'), 'utf8');

/** The light scheme's colour variables: Mantine's (blocks not for the dark scheme), then the theme's over them. */
function variables(): Map<string, string> {
  const vars = new Map<string, string>();
  const blocks = [...mantine.matchAll(/([^{}]*)\{([^{}]*)\}/g)]
    .filter((m) => !(m[1] as string).includes('dark'))
    .map((m) => m[2] as string);
  for (const css of [...blocks, theme]) {
    for (const m of css.matchAll(/(--mantine-color-[a-z0-9-]+):\s*([^;]+);/g)) vars.set(m[1] as string, (m[2] as string).trim());
  }
  return vars;
}

function resolve(vars: Map<string, string>, value: string): string {
  const ref = /^var\((--[a-z0-9-]+)\)$/.exec(value);
  return ref ? resolve(vars, vars.get(ref[1] as string) ?? '') : value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the theme keeps text at 4.5:1 on light and subtle backgrounds, hovered or not', () => {
  const vars = variables();
  const hues = [...theme.matchAll(/--mantine-color-([a-z]+)-light-color:/g)].map((m) => m[1] as string);

  it('sets the text colour of light variants for the palette hues', () => {
    expect(hues).toEqual(expect.arrayContaining(['red', 'blue', 'green', 'yellow', 'orange', 'teal', 'cyan', 'indigo', 'violet']));
  });

  for (const hue of hues) {
    it(`${hue}: light-color on light and on light-hover`, () => {
      const text = resolve(vars, vars.get(`--mantine-color-${hue}-light-color`) ?? '');
      const rest = resolve(vars, vars.get(`--mantine-color-${hue}-light`) ?? '');
      const hover = resolve(vars, vars.get(`--mantine-color-${hue}-light-hover`) ?? '');
      for (const c of [text, rest, hover]) expect(c).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect(contrast(text, rest), `${text} on ${rest}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, hover), `${text} on ${hover} (hovered)`).toBeGreaterThanOrEqual(4.5);
    });
  }
});
