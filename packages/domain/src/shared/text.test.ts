import { describe, expect, it } from 'vitest';
import { findTextProblems, text, textProblem } from './text.ts';

describe('textProblem', () => {
  it('accepts ordinary text, including letters outside ASCII, emoji (surrogate pairs) and no-break spaces', () => {
    for (const v of ['', 'Smith', "O'Brien-Núñez", '李小龍', 'a 😀 b', 'a\u00a0b', 'tab\u00adsoft hyphen']) {
      expect(textProblem(v), v).toBeNull();
    }
  });

  it('refuses tabs and line breaks in single-line text, but not in multi-line text', () => {
    for (const v of ['a\tb', 'a\nb', 'a\r\nb', 'a\u2028b', 'a\u2029b']) {
      expect(textProblem(v), JSON.stringify(v)).toBe('must not contain control characters, tabs or line breaks');
      expect(textProblem(v, { multiline: true }), JSON.stringify(v)).toBeNull();
    }
  });

  it('refuses NUL, the other C0 controls, DEL and C1 controls in either kind of text', () => {
    for (const v of ['\u0000', 'a\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f']) {
      expect(textProblem(v), JSON.stringify(v)).not.toBeNull();
      expect(textProblem(v, { multiline: true }), JSON.stringify(v)).toBe('must not contain control characters');
    }
    expect(textProblem('\u00a0', { multiline: true })).toBeNull();
  });

  it('refuses a lone surrogate, high or low, at any position', () => {
    for (const v of ['\ud83d', 'a\ud83d', '\ud83db', '\ude00', 'a\ude00b', '\ude00\ud83d']) {
      expect(textProblem(v), JSON.stringify(v)).toBe('contains an invalid character (a lone UTF-16 surrogate)');
      expect(textProblem(v, { multiline: true })).toBe('contains an invalid character (a lone UTF-16 surrogate)');
    }
  });
});

describe('text()', () => {
  it('trims, then needs at least one character unless told otherwise', () => {
    expect(text({ max: 10 }).parse('  Smith  ')).toBe('Smith');
    expect(text({ max: 10 }).safeParse('   ').success).toBe(false);
    expect(text({ max: 10, min: 0 }).parse('   ')).toBe('');
  });

  it('counts the length after trimming', () => {
    expect(text({ max: 5 }).parse('  abcde  ')).toBe('abcde');
    expect(text({ max: 5 }).safeParse('abcdef').success).toBe(false);
  });

  it('refuses line breaks unless multi-line, and control characters always', () => {
    expect(text({ max: 50 }).safeParse('line one\nline two').success).toBe(false);
    expect(text({ max: 50, multiline: true }).parse('line one\nline two')).toBe('line one\nline two');
    const nul = text({ max: 50, multiline: true }).safeParse('a\u0000b');
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0]?.message).toBe('must not contain control characters');
  });
});

describe('findTextProblems', () => {
  it('finds nothing in clean values of any shape', () => {
    expect(findTextProblems({ a: 'x', b: [1, true, null, 'y\n', { c: 'z\t' }], d: undefined })).toEqual([]);
    expect(findTextProblems('plain')).toEqual([]);
    expect(findTextProblems(42)).toEqual([]);
    expect(findTextProblems(null)).toEqual([]);
  });

  it('names each bad string by its dotted path, under the prefix when there is one', () => {
    const value = { name: 'ok', notes: ['fine', 'bad\u0000'], nested: { deeper: { v: '\ud800' } } };
    expect(findTextProblems(value, 'body')).toEqual([
      { path: 'body.notes.1', message: 'must not contain control characters' },
      { path: 'body.nested.deeper.v', message: 'contains an invalid character (a lone UTF-16 surrogate)' },
    ]);
    expect(findTextProblems(value).map((p) => p.path)).toEqual(['notes.1', 'nested.deeper.v']);
    expect(findTextProblems(['\u0007'])).toEqual([{ path: '0', message: 'must not contain control characters' }]);
    expect(findTextProblems('\u0007', 'query.q')).toEqual([{ path: 'query.q', message: 'must not contain control characters' }]);
  });

  it('refuses field names with any control character (tabs and line breaks too), shown with ? in the path, and skips their values', () => {
    const problems = findTextProblems({ 'a\nb': 'bad\u0000', ok: 'x' }, 'body');
    expect(problems).toEqual([{ path: 'body.a?b', message: 'field name must not contain control characters, tabs or line breaks' }]);
  });

  it('stops after the limit', () => {
    const many = Array.from({ length: 50 }, () => '\u0000');
    expect(findTextProblems(many)).toHaveLength(20);
    expect(findTextProblems(many, '', 3)).toHaveLength(3);
  });

  it('does not read binary buffers as text', () => {
    expect(findTextProblems({ file: Buffer.from([0, 1, 2]), bytes: new Uint8Array([0]) })).toEqual([]);
  });

  it('stops descending past 64 levels instead of overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(findTextProblems(deep)).toEqual([]);
    let shallow: unknown = '\u0000';
    for (let i = 0; i < 10; i++) shallow = [shallow];
    expect(findTextProblems(shallow)).toHaveLength(1);
  });
});
