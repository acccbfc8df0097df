import type { X12Issue } from './errors.ts';
import type { Segment } from './reader.ts';

/** One instance of an 837P loop and the segments read in it (its first segment included). */
export interface LoopNode {
  loop: string;
  segments: Segment[];
  children: LoopNode[];
  parent?: LoopNode;
}

const KNOWN = new Set(
  'BHT NM1 PER N3 N4 REF HL PRV CUR SBR PAT DMG CLM DTP PWK CN1 AMT K3 NTE CR1 CR2 CRC HI HCP CAS OI MOA LX SV1 SV5 CR3 QTY MEA PS1 HSD LIN CTP SVD LQ FRM'.split(
    ' ',
  ),
);

/** NM101 entity codes that open each sub-loop, per enclosing loop family. */
const NM1_LOOPS: Record<string, Record<string, string>> = {
  header: { '41': '1000A', '40': '1000B' },
  '2000A': { '85': '2010AA', '87': '2010AB', PE: '2010AC' },
  '2000B': { IL: '2010BA', PR: '2010BB' },
  '2000C': { QC: '2010CA' },
  '2300': { DN: '2310A', P3: '2310A', '82': '2310B', '77': '2310C', DQ: '2310D', PW: '2310E', '45': '2310F' },
  '2320': { IL: '2330A', PR: '2330B', DN: '2330C', P3: '2330C', '82': '2330D', '77': '2330E', DQ: '2330F', '85': '2330G' },
  '2400': { '82': '2420A', QB: '2420B', '77': '2420C', DQ: '2420D', DK: '2420E', DN: '2420F', P3: '2420F', PW: '2420G', '45': '2420H' },
};

/** Segment order inside the loops whose order is checked. */
const ORDER: Record<string, string[]> = {
  '2010AA': ['NM1', 'N3', 'N4', 'REF', 'PER'],
  '2010AB': ['NM1', 'N3', 'N4'],
  '2010AC': ['NM1', 'N3', 'N4', 'REF'],
  '2010BA': ['NM1', 'N3', 'N4', 'DMG', 'REF', 'PER'],
  '2010BB': ['NM1', 'N3', 'N4', 'REF'],
  '2010CA': ['NM1', 'N3', 'N4', 'DMG', 'REF'],
};
/** Segments a loop must contain. */
const REQUIRED_SEGMENTS: Record<string, string[]> = {
  '1000A': ['PER'],
  '2000B': ['SBR'],
  '2000C': ['PAT'],
  '2010AA': ['N3', 'N4', 'REF'],
  '2300': ['HI'],
  '2400': ['SV1'],
};
/** Child loops a loop must contain, and how many times at most. */
const CHILD_LOOPS: Record<string, [string, number, number][]> = {
  header: [
    ['1000A', 1, 1],
    ['1000B', 1, 1],
    ['2000A', 1, Infinity],
  ],
  '2000A': [
    ['2010AA', 1, 1],
    ['2010AB', 0, 1],
    ['2010AC', 0, 1],
  ],
  '2000B': [
    ['2010BA', 1, 1],
    ['2010BB', 1, 1],
  ],
  '2000C': [['2010CA', 1, 1]],
  '2300': [['2400', 1, 50]],
};

const family = (loop: string): string => {
  if (loop === 'header' || loop.startsWith('1000')) return 'header';
  if (/^20[01]0A/.test(loop)) return '2000A';
  if (/^20[01]0B/.test(loop)) return '2000B';
  if (/^20[01]0C/.test(loop)) return '2000C';
  if (/^23[01]0/.test(loop)) return '2300';
  if (/^23[23]/.test(loop)) return '2320';
  return '2400';
};

/**
 * Walks an 837P transaction set (segments between ST and SE) into its loops, reporting what the TR3 makes
 * impossible: unknown segment identifiers, NM1 entity codes that open no loop, missing required segments
 * and loops, loops or REF*EI/SY repeated too often, segments out of order, missing required elements.
 */
export function walk837P(segments: Segment[]): { root: LoopNode; issues: X12Issue[]; warnings: X12Issue[] } {
  const issues: X12Issue[] = [];
  const warnings: X12Issue[] = [];
  const root: LoopNode = { loop: 'header', segments: [], children: [] };
  const report = (code: string, message: string, seg: Segment, loop: string, element?: number) =>
    issues.push({ code, message, segmentNumber: seg.segmentNumber, segmentId: seg.id, loop, ...(element ? { element } : {}) });
  let current = root;
  let hlParent = root; // the open 2000x node that 2300 attaches to
  const hlById = new Map<string, LoopNode>();
  const open = (loop: string, seg: Segment, parent: LoopNode) => {
    const node: LoopNode = { loop, segments: [seg], children: [], parent };
    parent.children.push(node);
    current = node;
    return node;
  };
  const ancestor = (fam: string): LoopNode | undefined => {
    for (let n: LoopNode | undefined = current; n; n = n.parent) if (n.loop === fam) return n;
    return undefined;
  };
  for (const seg of segments) {
    const fam = family(current.loop);
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(seg.id) || !KNOWN.has(seg.id)) {
      report(
        'UNKNOWN_SEGMENT',
        `Unable to find a matching segment format in loop ${current.loop}: "${seg.id}" at segment ${seg.segmentNumber}`,
        seg,
        current.loop,
      );
      continue;
    }
    if (seg.id === 'HL') {
      const level = seg.elements[3];
      const loop = level === '20' ? '2000A' : level === '22' ? '2000B' : level === '23' ? '2000C' : undefined;
      if (!loop) {
        report('INVALID_CODE', `HL03 "${level}" is not 20, 22 or 23`, seg, current.loop, 3);
        continue;
      }
      const parentId = seg.elements[2] ?? '';
      const parent = loop === '2000A' ? root : (hlById.get(parentId) ?? root);
      if (loop !== '2000A' && !hlById.has(parentId))
        warnings.push({
          code: 'HL_PARENT',
          message: `HL02 "${parentId}" names no earlier HL`,
          segmentNumber: seg.segmentNumber,
          segmentId: 'HL',
          loop,
          element: 2,
        });
      hlParent = open(loop, seg, parent);
      hlById.set(seg.elements[1] ?? '', hlParent);
      continue;
    }
    if (seg.id === 'CLM') {
      if (hlParent.loop !== '2000B' && hlParent.loop !== '2000C')
        report('UNEXPECTED_SEGMENT', 'CLM outside a subscriber or patient loop', seg, current.loop);
      open('2300', seg, hlParent);
      for (const [n, what] of [
        [1, 'patient control number'],
        [2, 'total charge'],
        [5, 'facility code, frequency'],
      ] as const)
        if (!seg.elements[n]) report('MISSING_ELEMENT', `CLM in loop 2300 is missing a required element at ${n} (${what})`, seg, '2300', n);
      continue;
    }
    if (seg.id === 'LX') {
      const claim = ancestor('2300');
      if (!claim) report('UNEXPECTED_SEGMENT', 'LX outside a claim', seg, current.loop);
      open('2400', seg, claim ?? current);
      continue;
    }
    if (seg.id === 'SBR' && (fam === '2300' || fam === '2320')) {
      open('2320', seg, ancestor('2300') ?? current);
      continue;
    }
    if (seg.id === 'LIN' && fam === '2400') {
      open('2410', seg, ancestor('2400') ?? current);
      continue;
    }
    if ((seg.id === 'SVD' || seg.id === 'LQ') && fam === '2400') {
      open(seg.id === 'SVD' ? '2430' : '2440', seg, ancestor('2400') ?? current);
      continue;
    }
    if (seg.id === 'NM1') {
      const entity = seg.elements[1] ?? '';
      const loop = NM1_LOOPS[fam]?.[entity];
      if (!loop) {
        report(
          'UNKNOWN_SEGMENT',
          `Unable to find a matching segment format in loop ${fam === 'header' ? current.loop : fam}: NM1*${entity}`,
          seg,
          fam === 'header' ? current.loop : fam,
        );
        continue;
      }
      if (!seg.elements[1] || !seg.elements[2])
        report(
          'MISSING_ELEMENT',
          `NM1 in loop ${loop} is missing a required element at ${seg.elements[1] ? 2 : 1}`,
          seg,
          loop,
          seg.elements[1] ? 2 : 1,
        );
      const parentLoop = fam === 'header' ? root : (ancestor(fam) ?? current);
      open(loop, seg, parentLoop);
      continue;
    }
    if (seg.id === 'DTP' && seg.elements[2] !== 'D8' && seg.elements[2] !== 'RD8')
      report(
        'INVALID_CODE',
        `Unable to find a matching segment format in loop ${current.loop}: DTP format qualifier "${seg.elements[2]}" is not D8 or RD8`,
        seg,
        current.loop,
        2,
      );
    current.segments.push(seg);
  }
  check(root, report);
  return { root, issues, warnings };
}

function check(node: LoopNode, report: (code: string, message: string, seg: Segment, loop: string, element?: number) => void) {
  const anchor = node.segments[0] ?? node.children[0]?.segments[0];
  for (const req of REQUIRED_SEGMENTS[node.loop] ?? [])
    if (!node.segments.some((s) => s.id === req) && anchor)
      report(
        'REQUIRED_SEGMENT',
        `${req} in loop ${node.loop} is required but not found (loop starts at segment ${anchor.segmentNumber})`,
        anchor,
        node.loop,
      );
  const order = ORDER[node.loop];
  if (order) {
    let last = -1;
    for (const s of node.segments) {
      const at = order.indexOf(s.id);
      if (at < 0) continue;
      if (at < last) report('SEGMENT_ORDER', `Segment ${s.id} in loop ${node.loop} is not in the correct position.`, s, node.loop);
      last = Math.max(last, at);
    }
  }
  if (node.loop === '2010AA') {
    const taxIds = node.segments.filter((s) => s.id === 'REF' && (s.elements[1] === 'EI' || s.elements[1] === 'SY'));
    if (taxIds.length > 1)
      report('TOO_MANY', 'REF in loop 2010AA appears too many times (tax identification)', taxIds[1] as Segment, '2010AA');
  }
  const iteration = new Map<string, number>();
  for (const child of node.children) iteration.set(child.loop, (iteration.get(child.loop) ?? 0) + 1);
  const nth = node.parent ? node.parent.children.filter((c) => c.loop === node.loop).indexOf(node) + 1 : 1;
  for (const [loop, min, max] of CHILD_LOOPS[node.loop] ?? []) {
    const count = iteration.get(loop) ?? 0;
    const where = node.segments[0] ?? node.children[0]?.segments[0];
    if (!where) continue;
    if (count < min) report('REQUIRED_LOOP', `${loop} is required but not found in ${node.loop} iteration #${nth}`, where, node.loop);
    if (count > max) {
      const extra = node.children.filter((c) => c.loop === loop)[max]?.segments[0] ?? where;
      report('TOO_MANY', `${loop} appears too many times in ${node.loop} iteration #${nth}`, extra, loop);
    }
  }
  for (const child of node.children) check(child, report);
}
