import { describe, expect, it } from 'vitest';
import { referenceSearchKeys, referenceWords } from './reference-keys.ts';

describe('referenceWords', () => {
  it('folds ASCII text to its lower-case words, in order, without repeats', () => {
    expect(referenceWords('Type 2 Diabetes-Mellitus, TYPE 2')).toEqual(['type', '2', 'diabetes', 'mellitus']);
    expect(referenceWords('  e11.9 ')).toEqual(['e11', '9']);
    expect(referenceWords('fever')).toEqual(['fever']);
    expect(referenceWords('')).toEqual([]);
    expect(referenceWords(' -- ')).toEqual([]);
  });

  it('drops accents and splits at anything but a letter or digit in any script, as ASCII text is split', () => {
    expect(referenceWords('Créatinine ÉLEVÉE, naïve')).toEqual(['creatinine', 'elevee', 'naive']);
    expect(referenceWords('Müller–Lyer ½ 2')).toEqual(['muller', 'lyer', '½', '2']);
    // The same words whichever path a text takes: one accented letter sends it down the Unicode one.
    expect(referenceWords('low back pain é')).toEqual([...referenceWords('low back pain'), 'e']);
  });

  it('keys a description by its words and their first three letters', () => {
    expect(referenceSearchKeys('Acute sinusitis')).toEqual(['acute', '^a', '^ac', '^acu', 'sinusitis', '^s', '^si', '^sin']);
  });
});
