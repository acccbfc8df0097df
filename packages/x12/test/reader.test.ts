import { detectSeparators, readX12, X12Error } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.ts';

describe('readX12', () => {
  it('reads the separators from the fixed-width ISA, whatever they are', () => {
    expect(detectSeparators(fixture('837p/ims-x12_valid_different_separators.txt'))).toEqual({
      element: '~',
      component: '^',
      repetition: 'U',
      segment: '_',
    });
    expect(detectSeparators(fixture('277ca/ims-x12_277CA_rejected.txt'))).toEqual({
      element: '*',
      component: '|',
      repetition: '^',
      segment: '~',
    });
  });

  it('numbers segments in the file and in their transaction, tolerating CR/LF after terminators', () => {
    const doc = readX12(fixture('835/tp-profee.edi'));
    const tx = doc.interchanges[0]?.groups[0]?.transactions[0];
    expect(tx?.st.segmentNumber).toBe(3);
    expect(tx?.st.setPosition).toBe(1);
    expect(tx?.segments[1]?.id).toBe('BPR');
    expect(tx?.se.setPosition).toBe(Number(tx?.se.elements[1]));
    expect(tx?.segments.every((s) => !/[\r\n]/.test(s.elements.join('')))).toBe(true);
  });

  it('splits the 156 interchanges of one file', () => {
    const doc = readX12(fixture('835/tp-profee-multiple.edi'));
    expect(doc.interchanges).toHaveLength(156);
    expect(doc.interchanges.every((ic) => ic.groups.length === 1 && ic.groups[0]?.transactions.length === 1)).toBe(true);
    expect(doc.interchanges[155]?.isa.segmentNumber).toBeGreaterThan(doc.interchanges[154]?.iea.segmentNumber ?? Infinity);
  });

  it('refuses a file without ISA and an ISA that is not 106 characters', () => {
    expect(() => readX12(fixture('malformed-837/ims-x12_no_isa_line.txt'))).toThrow(
      expect.objectContaining({ code: 'NO_ISA', message: expect.stringMatching(/Error getting separators/) }),
    );
    expect(() => readX12(fixture('malformed-837/ims-x12_bad_first_line.txt'))).toThrow(
      expect.objectContaining({ code: 'ISA_LENGTH', segmentId: 'ISA', segmentNumber: 1 }),
    );
  });

  it('refuses text after an IEA that is not another interchange, naming its segment number', () => {
    const text = `${fixture('835/tp-profee.edi')}\nGS*HP*X~`;
    expect(() => readX12(text)).toThrow(expect.objectContaining({ code: 'NO_ISA', segmentNumber: 70 }));
  });

  it('throws envelope mismatches in strict mode and reports them as warnings in lenient mode', () => {
    const text = fixture('271/lfh-subscriber-health-benefit-check-error.271');
    let error: unknown;
    try {
      readX12(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(X12Error);
    expect(error).toMatchObject({ code: 'SE_CONTROL', segmentId: 'SE', segmentNumber: 10, element: 2 });
    expect(readX12(text, { lenient: true }).warnings.map((w) => w.code)).toEqual(['SE_CONTROL']);
    expect(() => readX12(fixture('999/ims-x12_999_accepted.txt'))).toThrow(expect.objectContaining({ code: 'IEA_CONTROL' }));
    expect(() => readX12(fixture('837p/ims-x12_valid.txt'))).toThrow(expect.objectContaining({ code: 'SE_COUNT', segmentNumber: 36 }));
  });

  it('refuses a transaction set without SE and a group without GE, at the segment that came instead, lenient or not', () => {
    const good = fixture('270/lfh-subscriber-health-benefit-check.270');
    const segments = readX12(good).interchanges[0]?.groups[0]?.transactions[0]?.segments ?? [];
    const se = segments[segments.length - 1];
    expect(se?.id).toBe('SE');
    const noSe = good.replace(/SE\*[^~]*~\n?/, '');
    for (const lenient of [false, true]) {
      // SE missing: GE arrives where SE belonged (it takes SE's segment number).
      expect(() => readX12(noSe, { lenient }), `lenient ${lenient}`).toThrow(
        expect.objectContaining({ code: 'UNTERMINATED', segmentId: 'GE', segmentNumber: se?.segmentNumber }),
      );
    }
    expect(() => readX12(noSe)).toThrow(/begun by ST at segment 3 has no SE trailer/);
    // A second ST before the first one's SE: the first set is not dropped silently.
    const stAt = good.indexOf('ST*');
    const st = good.slice(stAt, good.indexOf('~', stAt) + 1);
    const twoStarts = good.slice(0, stAt) + st + good.slice(stAt);
    expect(() => readX12(twoStarts)).toThrow(expect.objectContaining({ code: 'UNTERMINATED', segmentId: 'ST', segmentNumber: 4 }));
    // GE missing: IEA arrives where GE belonged; a second GS before GE is refused the same way.
    const noGe = good.replace(/GE\*1\*1~\n?/, '');
    expect(() => readX12(noGe, { lenient: true })).toThrow(
      expect.objectContaining({ code: 'UNTERMINATED', segmentId: 'IEA', message: expect.stringMatching(/GS at segment 2 has no GE/) }),
    );
    const gsAt = good.indexOf('GS*');
    const gs = good.slice(gsAt, good.indexOf('~', gsAt) + 1);
    const secondGroup = good.slice(0, gsAt) + gs + good.slice(gsAt);
    expect(() => readX12(secondGroup)).toThrow(expect.objectContaining({ code: 'UNTERMINATED', segmentId: 'GS', segmentNumber: 3 }));
  });

  it('checks GE and IEA counts', () => {
    const good = fixture('270/lfh-subscriber-health-benefit-check.270');
    expect(() => readX12(good.replace('GE*1*1~', 'GE*2*1~'))).toThrow(expect.objectContaining({ code: 'GE_COUNT' }));
    expect(() => readX12(good.replace('GE*1*1~', 'GE*1*7~'))).toThrow(expect.objectContaining({ code: 'GE_CONTROL' }));
    expect(() => readX12(good.replace('IEA*1*', 'IEA*3*'))).toThrow(expect.objectContaining({ code: 'IEA_COUNT' }));
  });

  it('refuses a composite separator it cannot see unless lenient', () => {
    const text = fixture('835/lfh-secondary-payment.835');
    expect(() => readX12(text)).toThrow(expect.objectContaining({ code: 'COMPONENT_SEPARATOR', element: 16 }));
    const doc = readX12(text, { lenient: true });
    expect(doc.interchanges[0]?.componentFallback).toBe(true);
    expect(doc.warnings.map((w) => w.code)).toEqual(['COMPONENT_SEPARATOR']);
  });
});
