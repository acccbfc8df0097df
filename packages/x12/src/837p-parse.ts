import { type LoopNode, walk837P } from './837p-loops.ts';
import type {
  Address,
  BillingProvider837,
  CasAdjustment,
  Claim837,
  Claim837Batch,
  OtherPayer837,
  PersonName,
  ServiceLine837,
} from './837p-types.ts';
import { ENVELOPE_FAULTS, type ReadOptions, X12Error, type X12Issue } from './errors.ts';
import { parseAmountToCents } from './money.ts';
import { components, el, type Interchange, isoDate, readX12, type Segment, type Separators, transactionsOf } from './reader.ts';

export interface Parsed837P {
  /** Claims of every transaction set; submitter, receiver and billing provider from the first. */
  batch: Claim837Batch;
  envelope: {
    interchangeControlNumber: number;
    groupControlNumber: number;
    transactionControlNumbers: number[];
    usageIndicator: string;
    version: string;
    date: string;
    time: string;
    separators: Separators;
  };
  warnings: X12Issue[];
}

const find = (node: LoopNode | undefined, id: string, q?: string) =>
  node?.segments.find((s) => s.id === id && (q === undefined || s.elements[1] === q));
const child = (node: LoopNode | undefined, loop: string) => node?.children.find((c) => c.loop === loop);
const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v === undefined ? {} : { [key]: v });

function address(node: LoopNode | undefined): Address | undefined {
  const n3 = find(node, 'N3');
  const n4 = find(node, 'N4');
  if (!n3 || !n4) return undefined;
  return { line1: el(n3, 1) ?? '', ...opt('line2', el(n3, 2)), city: el(n4, 1) ?? '', state: el(n4, 2) ?? '', postalCode: el(n4, 3) ?? '' };
}

function name(nm1: Segment | undefined): PersonName {
  return { last: el(nm1, 3) ?? '', ...opt('first', el(nm1, 4)), ...opt('middle', el(nm1, 5)), ...opt('suffix', el(nm1, 7)) };
}

function date(seg: Segment | undefined): string | undefined {
  const v = el(seg, 3);
  return isoDate(v?.split('-')[0]);
}

function cas(node: LoopNode | undefined): CasAdjustment[] {
  const out: CasAdjustment[] = [];
  for (const s of node?.segments.filter((x) => x.id === 'CAS') ?? [])
    for (let i = 2; i + 1 < s.elements.length; i += 3) {
      const reasonCode = el(s, i);
      const amount = el(s, i + 1);
      if (!reasonCode || !amount) continue;
      const qty = el(s, i + 2);
      out.push({
        group: el(s, 1) ?? '',
        reasonCode,
        amountCents: parseAmountToCents(amount),
        ...opt('quantity', qty === undefined ? undefined : Number(qty)),
      });
    }
  return out;
}

/** HI composites; also reads the loose `HI*BK*8901*BF*87200` form (qualifier and code as separate elements). */
function diagnoses(hi: Segment[], ic: Interchange): string[] {
  const out: string[] = [];
  for (const s of hi) {
    const els = s.elements.slice(1).map((e) => components(e, ic));
    for (let i = 0; i < els.length; i++) {
      let [qual, code] = els[i] as string[];
      if (code === undefined && qual && /^A?B[KF]$/.test(qual)) {
        code = els[i + 1]?.[0];
        i++;
      }
      if (!qual || !code) continue;
      out.push(/^AB[KF]$/.test(qual) && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
    }
  }
  return out;
}

function claimOf(node: LoopNode, ic: Interchange): Claim837 {
  const clm = node.segments[0] as Segment;
  const hl = node.parent as LoopNode;
  const sub = hl.loop === '2000C' ? (hl.parent as LoopNode) : hl;
  const sbr = find(sub, 'SBR');
  const subscriberLoop = child(sub, '2010BA');
  const bb = child(sub, '2010BB');
  const nm1 = subscriberLoop?.segments[0];
  const dmg = find(subscriberLoop, 'DMG');
  const pat = hl.loop === '2000C' ? child(hl, '2010CA') : undefined;
  const clm05 = components(clm.elements[5], ic);
  const lineNodes = node.children.filter((c) => c.loop === '2400');
  const lineDates = lineNodes.map((l) => date(find(l, 'DTP', '472')));
  const claimDate = lineDates[0] ?? '';
  const lines: ServiceLine837[] = lineNodes.map((l, i) => {
    const sv1 = find(l, 'SV1');
    const [, code = '', ...rest] = components(sv1?.elements[1], ic);
    const mods = rest.slice(0, 4); // SV101-7 is a description, not a modifier
    const d = lineDates[i];
    return {
      procedureCode: code,
      modifiers: mods.filter((m) => m !== ''),
      chargeCents: parseAmountToCents(el(sv1, 2) ?? '0'),
      units: Number(el(sv1, 4) ?? '0'),
      diagnosisPointers: components(sv1?.elements[7], ic).map(Number),
      ...opt('dateOfService', d && d !== claimDate ? d : undefined),
      ...opt('lineItemControlNumber', el(find(l, 'REF', '6R'), 2)),
    };
  });
  const otherPayers: OtherPayer837[] = node.children
    .filter((c) => c.loop === '2320')
    .map((op) => {
      const s = op.segments[0] as Segment;
      const a = child(op, '2330A')?.segments[0];
      const b = child(op, '2330B');
      const payerId = el(b?.segments[0], 9) ?? '';
      const opLines = lineNodes.flatMap((l, i) =>
        l.children
          .filter((c) => c.loop === '2430' && el(c.segments[0], 1) === payerId)
          .map((c) => ({ lineNumber: i + 1, paidCents: parseAmountToCents(el(c.segments[0], 2) ?? '0'), adjustments: cas(c) })),
      );
      const firstLineAdjudication = lineNodes.flatMap((l) =>
        l.children.filter((c) => c.loop === '2430' && el(c.segments[0], 1) === payerId),
      )[0];
      return {
        responsibility: (el(s, 1) ?? 'P') as OtherPayer837['responsibility'],
        ...opt('relationship', el(s, 2)),
        ...opt('groupNumber', el(s, 3)),
        claimFilingIndicator: el(s, 9) ?? '',
        subscriber: { memberId: el(a, 9) ?? '', name: name(a) },
        payer: { name: el(b?.segments[0], 3) ?? '', payerId },
        paidCents: parseAmountToCents(el(find(op, 'AMT', 'D'), 2) ?? '0'),
        adjustments: cas(op),
        adjudicationDate: date(find(b, 'DTP', '573')) ?? date(find(firstLineAdjudication, 'DTP', '573')) ?? '',
        lines: opLines,
      };
    });
  const rendering = child(node, '2310B');
  const referring = child(node, '2310A');
  const facility = child(node, '2310C');
  const relationship = pat ? (el(find(hl, 'PAT'), 1) ?? '') : '18';
  return {
    patientControlNumber: el(clm, 1) ?? '',
    totalChargeCents: parseAmountToCents(el(clm, 2) ?? '0'),
    placeOfService: clm05[0] ?? '',
    frequencyCode: (clm05[2] ?? '1') as Claim837['frequencyCode'],
    ...opt('payerClaimControlNumber', el(find(node, 'REF', 'F8'), 2)),
    ...opt('priorAuthorization', el(find(node, 'REF', 'G1'), 2)),
    subscriber: {
      memberId: el(nm1, 9) ?? '',
      name: name(nm1),
      ...opt('dateOfBirth', isoDate(el(dmg, 2))),
      ...opt('sex', el(dmg, 3) as Claim837['subscriber']['sex'] | undefined),
      ...opt('address', address(subscriberLoop)),
      ...opt('groupNumber', el(sbr, 3)),
      claimFilingIndicator: el(sbr, 9) ?? '',
      payerResponsibility: (el(sbr, 1) ?? 'P') as Claim837['subscriber']['payerResponsibility'],
      relationship,
    },
    ...(pat
      ? {
          patient: {
            name: name(pat.segments[0]),
            dateOfBirth: isoDate(el(find(pat, 'DMG'), 2)) ?? '',
            sex: (el(find(pat, 'DMG'), 3) ?? 'U') as 'M' | 'F' | 'U',
            ...opt('address', address(pat)),
          },
        }
      : {}),
    payer: { name: el(bb?.segments[0], 3) ?? '', payerId: el(bb?.segments[0], 9) ?? '', ...opt('address', address(bb)) },
    diagnoses: diagnoses(
      node.segments.filter((s) => s.id === 'HI'),
      ic,
    ),
    ...(rendering
      ? {
          renderingProvider: {
            npi: el(rendering.segments[0], 9) ?? '',
            name: name(rendering.segments[0]),
            ...opt('taxonomy', el(find(rendering, 'PRV'), 3)),
          },
        }
      : {}),
    ...(referring ? { referringProvider: { npi: el(referring.segments[0], 9) ?? '', name: name(referring.segments[0]) } } : {}),
    ...(facility
      ? {
          serviceFacility: {
            name: el(facility.segments[0], 3) ?? '',
            ...opt('npi', el(facility.segments[0], 9)),
            address: address(facility) ?? { line1: '', city: '', state: '', postalCode: '' },
          },
        }
      : {}),
    dateOfService: claimDate,
    lines,
    ...(otherPayers.length ? { otherPayers } : {}),
  };
}

function claimsUnder(node: LoopNode): LoopNode[] {
  return node.children.flatMap((c) => (c.loop === '2300' ? [c] : claimsUnder(c)));
}

/** The billing provider of a 2000A loop (2010AA, PRV*BI). */
function billingProviderOf(hl20: LoopNode | undefined): BillingProvider837 {
  const aa = child(hl20, '2010AA');
  const nm1 = aa?.segments[0];
  return {
    npi: el(nm1, 9) ?? '',
    taxId: el(find(aa, 'REF', 'EI') ?? find(aa, 'REF', 'SY'), 2) ?? '',
    name: el(nm1, 3) ?? '',
    ...opt('firstName', el(nm1, 2) === '1' ? el(nm1, 4) : undefined),
    address: address(aa) ?? { line1: '', city: '', state: '', postalCode: '' },
    ...opt('taxonomy', el(find(hl20, 'PRV', 'BI'), 3)),
  };
}

/**
 * Reads an 837P into the builder's typed shape (as far as the shape carries). Structural faults of the
 * TR3 loops (unknown segment, missing required segment/loop/element, order, repeats) are thrown as one
 * X12Error listing every issue with segment number, identifier and loop; envelope mismatches (SE01...) are
 * thrown after them, or returned as warnings in lenient mode.
 */
export function parse837P(text: string, options: ReadOptions = {}): Parsed837P {
  const doc = readX12(text, { lenient: options.lenient ?? false, deferEnvelopeFaults: true });
  const issues: X12Issue[] = [];
  const warnings = doc.warnings.filter((w) => options.lenient || !ENVELOPE_FAULTS.has(w.code));
  const envelopeFaults = doc.warnings.filter((w) => ENVELOPE_FAULTS.has(w.code));
  let batch: Claim837Batch | undefined;
  const txNumbers: number[] = [];
  for (const { interchange: ic, transaction } of transactionsOf(doc)) {
    if (transaction.st.elements[1] !== '837')
      throw new X12Error({
        code: 'WRONG_TRANSACTION',
        message: `ST01 is ${transaction.st.elements[1]}, not 837`,
        segmentNumber: transaction.st.segmentNumber,
        segmentId: 'ST',
      });
    txNumbers.push(Number(transaction.controlNumber));
    const walked = walk837P(transaction.segments.slice(1, -1));
    issues.push(...walked.issues);
    warnings.push(...walked.warnings);
    if (walked.issues.length) continue;
    const root = walked.root;
    const a = child(root, '1000A');
    const per = find(a, 'PER');
    const b = child(root, '1000B')?.segments[0];
    const hl20 = child(root, '2000A');
    const isaQual = (n: number) => {
      const q = ic.isa.elements[n]?.trim();
      return q && q !== 'ZZ' ? q : undefined;
    };
    const first = batch?.billingProvider ?? billingProviderOf(hl20);
    const same = JSON.stringify(first);
    // Claims under another billing provider's 2000A carry theirs.
    const claims = root.children.flatMap((node) => {
      const bp = node.loop === '2000A' ? billingProviderOf(node) : first;
      const own = JSON.stringify(bp) === same ? {} : { billingProvider: bp };
      return (node.loop === '2300' ? [node] : claimsUnder(node)).map((c) => ({ ...claimOf(c, ic), ...own }));
    });
    if (batch) {
      batch.claims.push(...claims);
      continue;
    }
    const emailAt = per?.elements.findIndex((e, i) => i >= 3 && i % 2 === 1 && e === 'EM') ?? -1;
    const payTo = address(child(hl20, '2010AB'));
    batch = {
      submitter: {
        id: el(a?.segments[0], 9) ?? '',
        name: el(a?.segments[0], 3) ?? '',
        contactName: el(per, 2) ?? '',
        phone: el(per, 4) ?? '',
        ...opt('email', emailAt > 0 ? el(per, emailAt + 1) : undefined),
        ...opt('interchangeQualifier', isaQual(5)),
      },
      receiver: { id: el(b, 9) ?? '', name: el(b, 3) ?? '', ...opt('interchangeQualifier', isaQual(7)) },
      billingProvider: first,
      ...(payTo ? { payToAddress: payTo } : {}),
      claims,
    };
  }
  if (issues.length) throw new X12Error(options.lenient ? issues : [...issues, ...envelopeFaults]);
  if (!options.lenient && envelopeFaults.length) throw new X12Error(envelopeFaults);
  const ic = doc.interchanges[0] as Interchange;
  const gs = ic.groups[0]?.gs;
  if (!batch || !gs)
    throw new X12Error({ code: 'NO_TRANSACTION', message: 'The file holds no 837 transaction set', segmentNumber: 1, segmentId: 'ISA' });
  const isaDate = el(gs, 4) ?? '';
  return {
    batch,
    envelope: {
      interchangeControlNumber: Number(ic.isa.elements[13]),
      groupControlNumber: Number(el(gs, 6)),
      transactionControlNumbers: txNumbers,
      usageIndicator: ic.isa.elements[15] ?? '',
      version: el(gs, 8) ?? '',
      date: isoDate(isaDate) ?? '',
      time: el(gs, 5) ?? '',
      separators: ic.separators,
    },
    warnings,
  };
}
