import { describe, expect, it } from 'vitest';
import { fontRuns, measurer } from './fonts.ts';
import { columnWidths, ELLIPSIS, PLACEHOLDER, splitGraphemes, splitRuns, truncateToWidth, wrapText } from './layout.ts';

/** Every grapheme is 1 point wide: widths are character counts. */
const count = (s: string) => splitGraphemes(s).length;

describe('wrapText', () => {
  it('keeps a line that fits, and breaks between words otherwise', () => {
    expect(wrapText('Ada Lovelace', 20, count)).toEqual({ lines: ['Ada Lovelace'], truncated: false });
    expect(wrapText('Ada King Lovelace', 10, count).lines).toEqual(['Ada King', 'Lovelace']);
    // Spaces at a break belong to neither line.
    expect(wrapText('aaaa   bbbb', 5, count).lines).toEqual(['aaaa', 'bbbb']);
    expect(wrapText('', 5, count).lines).toEqual(['']);
  });

  it('cuts a word wider than the line at the width, and after a hyphen when it can', () => {
    expect(wrapText('abcdefghij', 4, count).lines).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('Smith-Jones', 8, count).lines).toEqual(['Smith-', 'Jones']);
  });

  it('never splits a letter from its marks or an emoji sequence', () => {
    const decomposed = 'e\u0301e\u0301e\u0301e\u0301'; // é as e + combining acute
    expect(wrapText(decomposed, 2, count).lines).toEqual(['e\u0301e\u0301', 'e\u0301e\u0301']);
    const nurse = '\u{1f469}\u200d\u2695\ufe0f';
    expect(wrapText(`${nurse}${nurse}${nurse}`, 2, count).lines).toEqual([`${nurse}${nurse}`, nurse]);
  });

  it('breaks between ideographs without spaces', () => {
    expect(wrapText('王秀英王秀英', 4, count).lines).toEqual(['王秀英王', '秀英']);
  });

  it('starts a new line at a line feed', () => {
    expect(wrapText('one\ntwo', 20, count).lines).toEqual(['one', 'two']);
  });

  it('stops at maxLines and ends the last line with an ellipsis that fits', () => {
    const r = wrapText('one two three four five six', 9, count, 2);
    expect(r.truncated).toBe(true);
    expect(r.lines).toEqual(['one two', `three fo${ELLIPSIS}`]);
    for (const line of r.lines) expect(count(line)).toBeLessThanOrEqual(9);
    expect(wrapText('one two', 9, count, 1)).toEqual({ lines: ['one two'], truncated: false });
    expect(wrapText('a'.repeat(30), 5, count, 1).lines).toEqual([`aaaa${ELLIPSIS}`]);
  });
});

describe('truncateToWidth', () => {
  it('leaves text that fits and cuts the rest with an ellipsis', () => {
    expect(truncateToWidth('Status', 6, count)).toBe('Status');
    expect(truncateToWidth('Appointment type', 6, count)).toBe(`Appoi${ELLIPSIS}`);
    expect(truncateToWidth('ab cd', 4, count)).toBe(`ab${ELLIPSIS}`);
  });
});

describe('splitRuns', () => {
  const latin = (cp: number) => cp < 0x2000 || cp === 0xfffd;
  const cjk = (cp: number) => cp >= 0x4e00 && cp <= 0x9fff;
  const emoji = (cp: number) => cp >= 0x1f000 || cp === 0x200d || cp === 0xfe0f || cp === 0x2695;

  it('picks the first font that has each character and keeps runs together', () => {
    expect(splitRuns('Wang 王秀英 ok', [latin, cjk])).toEqual([
      { font: 0, text: 'Wang ' },
      { font: 1, text: '王秀英' },
      { font: 0, text: ' ok' },
    ]);
  });

  it('keeps joiners and selectors with the emoji before them', () => {
    expect(splitRuns('a \u{1f469}\u200d\u2695\ufe0f b', [latin, cjk, emoji])).toEqual([
      { font: 0, text: 'a ' },
      { font: 2, text: '\u{1f469}\u200d\u2695\ufe0f' },
      { font: 0, text: ' b' },
    ]);
  });

  it('replaces what no font has with a visible placeholder, and drops invisible leftovers', () => {
    expect(splitRuns('x\u05e9\u05dc\u{e0001}y', [(cp) => cp < 0x80 || cp === 0xfffd])).toEqual([
      { font: 0, text: `x${PLACEHOLDER}${PLACEHOLDER}y` },
    ]);
  });

  it('normalizes to NFC first', () => {
    expect(splitRuns('Nguye\u0302\u0303n', [latin])).toEqual([{ font: 0, text: 'Nguyễn' }]);
  });
});

describe('with the real fonts', () => {
  const measure = measurer('regular', 10);

  it('measures every script with its font, and nothing falls back to the placeholder', () => {
    expect(fontRuns('王秀英 Li').map((r) => r.font)).toEqual([1, 0]);
    expect(fontRuns('\u05e9\u05dc\u05d5\u05dd')[0]?.text).toBe(PLACEHOLDER.repeat(4));
    for (const name of ['Łukasz Wiśniewski', 'Văn An Nguyễn', 'Σοφία Παπαδοπούλου', 'Ольга Смирнова', '王秀英', 'José Ñúñez', '😀']) {
      const w = measure(name);
      expect(w, name).toBeGreaterThan(0);
      expect(w, name).toBeLessThan(count(name) * 14);
      expect(
        fontRuns(name)
          .map((r) => r.text)
          .join(''),
        name,
      ).toBe(name);
    }
    expect(measure('W')).toBeGreaterThan(measure('i'));
  });

  it('wraps a long name into lines that fit the cell', () => {
    const name = 'Maximiliana Alexandrina Konstantinopoulou-Wiśniewska Nguyễn Văn Bartholomew-Featherstonehaugh Smith';
    const { lines, truncated } = wrapText(name, 142, measure, 6);
    expect(truncated).toBe(false);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(142);
    expect(lines.join(' ').replace(/- /g, '-')).toBe(name);
  });
});

describe('columnWidths', () => {
  it('shares the width in proportion, summing exactly', () => {
    const w = columnWidths([1, 2, 1], 532);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(532, 6);
    expect(w[1]).toBeCloseTo(266, 1);
    expect(() => columnWidths([1, 0], 100)).toThrow();
  });
});
