/**
 * The CMS-1500 (02/12) paper claim, laid out on the form's print grid: 10 characters per inch
 * and 6 lines per inch (the grid the NUCC 1500 instructions and the pre-printed form share), so
 * `col` and `line` below are the form's print positions. With `form: true` the page carries the
 * form itself (red-ish lines, box titles, checkboxes, the shaded supplemental rows of item 24);
 * without it only the data, for paper that already has the form printed on it.
 *
 * What goes where (NUCC 1500 Claim Form Reference Instruction Manual, 02/12):
 * payer block top right; 1 program; 1a insured's ID; 2 patient (Last, First); 3 birth date and
 * sex; 4 insured; 5/7 addresses; 6 relationship; 10a-c "no" (the claim carries no related
 * causes, as in the 837P); 11 group number, 11a insured's birth date and sex, 11c plan; 12/13
 * "SIGNATURE ON FILE"; 17/17b referring provider (qualifier DN) and NPI; 21 ICD indicator 0 and
 * diagnoses A-L without the decimal point; 22 resubmission (frequency 7/8); 23 prior
 * authorization; 24 up to six lines a page (the shaded upper row holds the taxonomy with
 * qualifier ZZ, 24J the rendering NPI); 25 TIN (EIN); 26 patient account number = the claim's
 * patient control number (CLM01); 27 accept assignment; 28 total (on the last page of a claim
 * longer than six lines); 29 amount paid; 31 rendering provider; 32 service facility; 33 billing
 * provider with 33a NPI.
 */
import { createFormPdf, type FormPdf } from '../shared/pdf/form.ts';
import type { Claim } from './claims.schemas.ts';

export interface Cms1500Payer {
  name: string;
  address: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null;
}

export interface Cms1500Options {
  /** Draw the form (lines, titles) as well as the data; false for pre-printed paper. */
  form: boolean;
  /** The date printed beside the signatures (12, 31): the day the claim was printed, YYYY-MM-DD. */
  printedOn: string;
  /** The billed coverage's priority: a claim to a secondary or tertiary payer means another plan exists (11d). */
  coveragePriority: string;
}

/** Print positions: 10 characters and 6 lines an inch, column 1 and line 1 at the form's top left. */
const COL = 7.2;
const LINE = 12;
const LEFT = 18;
const TOP = 18;
const x = (col: number) => LEFT + (col - 1) * COL;
const top = (line: number) => TOP + (line - 1) * LINE;
const RED = '#c8283c';
const SHADE = '#fbe4e7';
const DATA = 9;
const TITLE = 5.2;
const LINES_PER_PAGE = 6;

const dollarsPart = (cents: number) => String(Math.trunc(cents / 100));
const centsPart = (cents: number) => String(Math.abs(cents) % 100).padStart(2, '0');
/** YYYY-MM-DD → "MM DD YY" (item 24A, 12, 31) or "MM DD YYYY" (birth dates). */
function mmddyy(date: string | null | undefined, fullYear = false): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${m} ${d} ${fullYear ? y : y?.slice(2)}`;
}
const lastFirst = (p: { givenName: string; familyName: string }) => `${p.familyName}, ${p.givenName}`.toUpperCase();
const cityLine = (a: { city: string; state: string; postalCode: string }) => `${a.city}, ${a.state} ${a.postalCode}`.toUpperCase();

/** Item 6: the X12 relationship code of the subscriber to the patient as the form's four boxes. */
function relationshipBox(code: string): 'self' | 'spouse' | 'child' | 'other' {
  if (code === '18') return 'self';
  if (code === '01') return 'spouse';
  if (code === '19') return 'child';
  return 'other';
}

export function renderCms1500Pdf(claim: Claim, payer: Cms1500Payer, options: Cms1500Options): Promise<Buffer> {
  const pdf = createFormPdf({ title: `CMS-1500 claim ${claim.patientControlNumber}` });
  const pages = Math.max(1, Math.ceil(claim.lines.length / LINES_PER_PAGE));
  for (let page = 0; page < pages; page++) {
    if (page > 0) pdf.addPage();
    if (options.form) drawForm(pdf);
    drawData(pdf, claim, payer, options, page, pages);
  }
  return pdf.finish();
}

// ————— the data —————

function drawData(pdf: FormPdf, claim: Claim, payer: Cms1500Payer, options: Cms1500Options, page: number, pages: number) {
  const put = (line: number, col: number, cols: number, text: string | null | undefined, align: 'left' | 'right' = 'left') => {
    if (text) pdf.text(text, x(col), top(line) - 0.5, { size: DATA, width: cols * COL, align });
  };
  const check = (line: number, col: number) => put(line, col, 1.5, 'X');
  const s = claim.subscriber;
  const p = claim.patient;

  // Payer block (top right, lines 1-4).
  put(1, 50, 31, payer.name.toUpperCase());
  if (payer.address) {
    put(2, 50, 31, payer.address.line1.toUpperCase());
    if (payer.address.line2) put(3, 50, 31, payer.address.line2.toUpperCase());
    put(payer.address.line2 ? 4 : 3, 50, 31, cityLine(payer.address));
  }

  // 1: group health plan when the coverage has a group number, otherwise "other" (commercial, HMO...).
  check(8, s.groupNumber ? 26 : 40);
  put(8, 50, 31, s.memberId);
  // 2, 3, 4
  put(10, 1, 28, lastFirst(p));
  put(10, 31, 11, mmddyy(p.birthDate, true));
  if (p.sex === 'male') check(10, 43);
  if (p.sex === 'female') check(10, 47);
  put(10, 50, 31, lastFirst(s));
  // 5, 6, 7
  if (p.address) {
    put(12, 1, 28, [p.address.line1, p.address.line2].filter(Boolean).join(' ').toUpperCase());
    put(14, 1, 24, p.address.city.toUpperCase());
    put(14, 26, 4, p.address.state.toUpperCase());
    put(16, 1, 12, p.address.postalCode);
  }
  // 5 telephone: the area code inside the parentheses, then the number (no separators).
  phoneAt(put, 16, 15, p.phone);
  check(12, { self: 31, spouse: 36, child: 41, other: 46 }[relationshipBox(s.relationship)]);
  if (s.address) {
    put(12, 50, 31, [s.address.line1, s.address.line2].filter(Boolean).join(' ').toUpperCase());
    put(14, 50, 23, s.address.city.toUpperCase());
    put(14, 74, 6, s.address.state.toUpperCase());
    put(16, 50, 14, s.address.postalCode);
  }
  // 7 telephone (the insured's; known when the patient is the insured).
  if (s.relationship === '18') phoneAt(put, 16, 66, s.phone ?? p.phone);
  // 10a-c: not related to employment or an accident (the claim records no related causes).
  check(20, 41);
  check(22, 41);
  check(24, 41);
  // 11, 11a, 11c, 11d
  put(18, 50, 31, s.groupNumber ?? 'NONE');
  put(20, 53, 11, mmddyy(s.birthDate, true));
  if (s.sex === 'male') check(20, 69);
  if (s.sex === 'female') check(20, 76);
  put(24, 50, 31, claim.payerName.toUpperCase());
  // 11d: a claim to a secondary or tertiary payer means another plan exists.
  check(26, options.coveragePriority === 'primary' ? 58 : 52);
  // 12, 13
  put(29, 7, 24, 'SIGNATURE ON FILE');
  put(29, 37, 12, mmddyy(options.printedOn));
  put(29, 56, 24, 'SIGNATURE ON FILE');
  // 17, 17b
  if (claim.referringProvider) {
    put(33, 1, 2, 'DN');
    put(33, 4, 26, `${claim.referringProvider.givenName} ${claim.referringProvider.familyName}`.toUpperCase());
    put(33, 34, 16, claim.referringProvider.npi);
  }
  // 21: ICD indicator 0 (ICD-10-CM), A-L without the decimal point.
  put(36, 46, 3, '0');
  claim.diagnoses.slice(0, 12).forEach((code, i) => {
    put(37 + Math.floor(i / 4), 3 + (i % 4) * 12, 9, code.replace('.', ''));
  });
  // 22, 23
  if (claim.frequencyCode !== '1') put(37, 50, 11, claim.frequencyCode);
  put(39, 50, 31, claim.priorAuthorization);

  // 24: this page's lines.
  const lines = claim.lines.slice(page * LINES_PER_PAGE, (page + 1) * LINES_PER_PAGE);
  const rendering = claim.renderingProvider;
  lines.forEach((l, i) => {
    const shaded = 41 + 2 * i;
    const main = shaded + 1;
    if (rendering.taxonomy) {
      put(shaded, 66, 3, 'ZZ');
      put(shaded, 69, 12, rendering.taxonomy);
    }
    put(main, 1, 8, mmddyy(claim.dateOfService));
    put(main, 10, 8, mmddyy(claim.dateOfService));
    put(main, 19, 2, claim.placeOfService);
    put(main, 25, 6, l.procedureCode);
    l.modifiers.slice(0, 4).forEach((m, j) => {
      put(main, 32 + 3 * j, 2, m);
    });
    put(
      main,
      45,
      4,
      l.diagnosisPointers
        .slice(0, 4)
        .map((n) => String.fromCharCode(64 + n))
        .join(''),
    );
    put(main, 50, 6.6, dollarsPart(l.chargeCents), 'right');
    put(main, 57, 2, centsPart(l.chargeCents));
    put(main, 59, 3.6, String(l.units), 'right');
    put(main, 69, 12, rendering.npi);
  });

  // 25, 26, 27, 28, 29
  put(54, 1, 14, claim.billingProvider.tin);
  check(54, 20);
  put(54, 23, 14, claim.patientControlNumber);
  check(54, 38);
  if (page === pages - 1) {
    put(54, 51, 6.6, dollarsPart(claim.totalChargeCents), 'right');
    put(54, 59, 2, centsPart(claim.totalChargeCents));
    if (claim.paidCents > 0) {
      put(54, 63, 6.6, dollarsPart(claim.paidCents), 'right');
      put(54, 70, 2, centsPart(claim.paidCents));
    }
  }
  // 31: the rendering provider, signature on file, dated.
  put(57, 1, 20, `${rendering.givenName} ${rendering.familyName}`.toUpperCase());
  put(58, 1, 20, 'SIGNATURE ON FILE');
  put(59, 13, 8, mmddyy(options.printedOn));
  // 32: the service facility.
  const f = claim.serviceFacility;
  put(56, 22, 28, f.name.toUpperCase());
  if (f.address) {
    put(57, 22, 28, [f.address.line1, f.address.line2].filter(Boolean).join(' ').toUpperCase());
    put(58, 22, 28, cityLine(f.address));
  }
  // 32a: the facility's NPI (claims built before it was kept: the location's billing NPI).
  put(59, 25, 9, f.npi === undefined ? claim.billingProvider.npi : f.npi);
  // 33, 33a: the billing provider.
  const b = claim.billingProvider;
  put(56, 50, 31, b.name.toUpperCase());
  if (b.address) {
    put(57, 50, 31, [b.address.line1, b.address.line2].filter(Boolean).join(' ').toUpperCase());
    put(58, 50, 31, cityLine(b.address));
  }
  put(59, 54, 8, b.npi);
  // 33 telephone, on the box title's line.
  phoneAt(put, 55, 69, b.phone);
  if (pages > 1) put(60, 50, 31, `PAGE ${page + 1} OF ${pages}`, 'right');
}

/** A US phone (E.164 +1 and 10 digits) as the form wants it: area code at `col`, the 7 digits after it. */
function phoneAt(
  put: (line: number, col: number, cols: number, text: string | null | undefined) => void,
  line: number,
  col: number,
  phone: string | null | undefined,
) {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  if (digits.length !== 10) return;
  put(line, col, 3, digits.slice(0, 3));
  put(line, col + 4, 8, digits.slice(3));
}

// ————— the form —————

function drawForm(pdf: FormPdf) {
  const line = (x1: number, y1: number, x2: number, y2: number, width = 0.5) => pdf.line(x1, y1, x2, y2, { color: RED, width });
  const title = (col: number, ln: number, cols: number, text: string, size = TITLE) =>
    pdf.text(text, x(col) + 1, top(ln) + 0.6, { size, color: RED, width: cols * COL - 2 });
  /** A box from column c1 to c2 and line l1 to l2 (inclusive), with its title in its top left corner. */
  const cell = (c1: number, c2: number, l1: number, l2: number, text = '') => {
    pdf.box(x(c1), top(l1), (c2 - c1 + 1) * COL, (l2 - l1 + 1) * LINE, { color: RED, width: 0.5 });
    if (text) title(c1, l1, c2 - c1 + 1, text);
  };
  const checkbox = (ln: number, col: number, label?: string, labelCols = 5) => {
    pdf.box(x(col) - 1, top(ln) + 2.5, 7, 7, { color: RED, width: 0.5 });
    if (label) pdf.text(label, x(col) + 8, top(ln) + 3.5, { size: 5, color: RED, width: labelCols * COL });
  };

  // Heading
  pdf.text('HEALTH INSURANCE CLAIM FORM', x(1), top(4), { size: 13, bold: true, color: RED });
  pdf.text('APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', x(1), top(5) + 3, { size: 5.5, color: RED });
  pdf.text('PICA', x(1), top(6) + 3, { size: 6, color: RED });
  pdf.text('PICA', x(77), top(6) + 3, { size: 6, color: RED });
  line(x(1), top(7), x(81), top(7), 1.2);

  // 1, 1a
  cell(1, 49, 7, 8);
  const programs: [number, string][] = [
    [1, 'MEDICARE'],
    [7, 'MEDICAID'],
    [13, 'TRICARE'],
    [20, 'CHAMPVA'],
    [26, 'GROUP HEALTH PLAN'],
    [33, 'FECA BLK LUNG'],
    [40, 'OTHER'],
  ];
  title(1, 7, 2, '1.');
  for (const [col, label] of programs)
    pdf.text(label, x(col + 1), top(7) + 1, { size: 4.8, color: RED, width: (col === 26 ? 7 : 6) * COL });
  for (const [col, label] of [
    [1, '(Medicare#)'],
    [7, '(Medicaid#)'],
    [13, '(ID#/DoD#)'],
    [20, '(Member ID#)'],
    [26, '(ID#)'],
    [33, '(ID#)'],
    [40, '(ID#)'],
  ] as const) {
    checkbox(8, col);
    pdf.text(label, x(col + 1) + 2, top(8) + 3.5, { size: 5, color: RED, width: 6 * COL });
  }
  cell(50, 80, 7, 8, "1a. INSURED'S I.D. NUMBER                      (For Program in Item 1)");

  // 2, 3, 4
  cell(1, 29, 9, 10, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)");
  cell(30, 49, 9, 10, "3. PATIENT'S BIRTH DATE            SEX");
  pdf.text('MM    DD    YY', x(31), top(9) + 6, { size: 4.5, color: RED });
  checkbox(10, 43, 'M', 1);
  checkbox(10, 47, 'F', 1);
  cell(50, 80, 9, 10, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)");

  // 5, 6, 7, 8
  cell(1, 29, 11, 12, "5. PATIENT'S ADDRESS (No., Street)");
  cell(30, 49, 11, 12, '6. PATIENT RELATIONSHIP TO INSURED');
  checkbox(12, 31, 'Self', 3);
  checkbox(12, 36, 'Spouse', 3);
  checkbox(12, 41, 'Child', 3);
  checkbox(12, 46, 'Other', 3);
  cell(50, 80, 11, 12, "7. INSURED'S ADDRESS (No., Street)");
  cell(1, 25, 13, 14, 'CITY');
  cell(26, 29, 13, 14, 'STATE');
  cell(30, 49, 13, 16, '8. RESERVED FOR NUCC USE');
  cell(50, 73, 13, 14, 'CITY');
  cell(74, 80, 13, 14, 'STATE');
  cell(1, 13, 15, 16, 'ZIP CODE');
  cell(14, 29, 15, 16, 'TELEPHONE (Include Area Code)');
  cell(50, 64, 15, 16, 'ZIP CODE');
  cell(65, 80, 15, 16, 'TELEPHONE (Include Area Code)');

  // 9, 10, 11
  cell(1, 29, 17, 18, "9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)");
  cell(1, 29, 19, 20, "a. OTHER INSURED'S POLICY OR GROUP NUMBER");
  cell(1, 29, 21, 22, 'b. RESERVED FOR NUCC USE');
  cell(1, 29, 23, 24, 'c. RESERVED FOR NUCC USE');
  cell(1, 29, 25, 26, 'd. INSURANCE PLAN NAME OR PROGRAM NAME');
  cell(30, 49, 17, 26, "10. IS PATIENT'S CONDITION RELATED TO:");
  title(30, 19, 20, 'a. EMPLOYMENT? (Current or Previous)');
  title(30, 21, 20, 'b. AUTO ACCIDENT?          PLACE (State)');
  title(30, 23, 20, 'c. OTHER ACCIDENT?');
  for (const ln of [20, 22, 24]) {
    checkbox(ln, 35, 'YES', 3);
    checkbox(ln, 41, 'NO', 3);
  }
  line(x(30), top(25), x(50), top(25));
  title(30, 25, 20, '10d. CLAIM CODES (Designated by NUCC)');
  cell(50, 80, 17, 18, "11. INSURED'S POLICY GROUP OR FECA NUMBER");
  cell(50, 80, 19, 20, "a. INSURED'S DATE OF BIRTH                  SEX");
  pdf.text('MM    DD    YY', x(53), top(19) + 6, { size: 4.5, color: RED });
  checkbox(20, 69, 'M', 1);
  checkbox(20, 76, 'F', 1);
  cell(50, 80, 21, 22, 'b. OTHER CLAIM ID (Designated by NUCC)');
  cell(50, 80, 23, 24, 'c. INSURANCE PLAN NAME OR PROGRAM NAME');
  cell(50, 80, 25, 26, 'd. IS THERE ANOTHER HEALTH BENEFIT PLAN?');
  checkbox(26, 52, 'YES', 3);
  checkbox(26, 58, 'NO', 3);
  pdf.text('If yes, complete items 9, 9a, and 9d.', x(62), top(26) + 3.5, { size: 5, color: RED });

  // 12, 13
  cell(1, 49, 27, 29);
  title(1, 27, 49, 'READ BACK OF FORM BEFORE COMPLETING & SIGNING THIS FORM.', 5.5);
  title(1, 28, 49, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE I authorize the release of any medical or other information necessary");
  pdf.text('SIGNED', x(1) + 1, top(29) + 3, { size: 5.5, color: RED });
  pdf.text('DATE', x(33), top(29) + 3, { size: 5.5, color: RED });
  cell(50, 80, 27, 29);
  title(50, 27, 31, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE I authorize");
  title(50, 28, 31, 'payment of medical benefits to the undersigned physician or supplier.');
  pdf.text('SIGNED', x(50) + 1, top(29) + 3, { size: 5.5, color: RED });
  line(x(1), top(30), x(81), top(30), 1.2);

  // 14-20
  cell(1, 25, 30, 31, '14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)');
  cell(26, 49, 30, 31, '15. OTHER DATE        QUAL.');
  cell(50, 80, 30, 31, '16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION');
  cell(1, 29, 32, 33, '17. NAME OF REFERRING PROVIDER OR OTHER SOURCE');
  cell(30, 49, 32, 32, '17a.');
  pdf.fill(x(33), top(32) + 0.5, 17 * COL - 0.5, LINE - 1, SHADE);
  cell(30, 49, 33, 33, '17b.  NPI');
  cell(50, 80, 32, 33, '18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES');
  cell(1, 49, 34, 35, '19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)');
  cell(50, 80, 34, 35, '20. OUTSIDE LAB?                     $ CHARGES');
  checkbox(35, 51, 'YES', 3);
  checkbox(35, 56, 'NO', 3);

  // 21, 22, 23
  cell(1, 49, 36, 39);
  title(1, 36, 40, '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY Relate A-L to service line below (24E)');
  pdf.text('ICD Ind.', x(42), top(36) + 1, { size: 5, color: RED });
  line(x(46), top(36) + 10, x(48), top(36) + 10);
  'ABCDEFGHIJKL'.split('').forEach((letter, i) => {
    const ln = 37 + Math.floor(i / 4);
    const col = 1 + (i % 4) * 12;
    pdf.text(`${letter}.`, x(col) + 1, top(ln) + 3, { size: 6, color: RED });
    line(x(col + 2), top(ln) + 11, x(col + 11), top(ln) + 11, 0.4);
  });
  cell(50, 80, 36, 37, '22. RESUBMISSION CODE                  ORIGINAL REF. NO.');
  line(x(61), top(37), x(61), top(38));
  cell(50, 80, 38, 39, '23. PRIOR AUTHORIZATION NUMBER');

  // 24: the header row and six lines, each a shaded supplemental row over the service row.
  cell(1, 80, 40, 40);
  const heads: [number, number, string, string][] = [
    [1, 18, '24. A.  DATE(S) OF SERVICE', 'From MM DD YY    To MM DD YY'],
    [19, 21, 'B. PLACE OF', 'SERVICE'],
    [22, 24, 'C.', 'EMG'],
    [25, 44, 'D. PROCEDURES, SERVICES, OR SUPPLIES', 'CPT/HCPCS          MODIFIER'],
    [45, 49, 'E. DIAGNOSIS', 'POINTER'],
    [50, 58, 'F.', '$ CHARGES'],
    [59, 62, 'G. DAYS', 'OR UNITS'],
    [63, 65, 'H. EPSDT', 'Family Plan'],
    [66, 68, 'I. ID.', 'QUAL.'],
    [69, 80, 'J. RENDERING', 'PROVIDER ID. #'],
  ];
  for (const [c1, c2, a, b] of heads) {
    if (c1 > 1) line(x(c1), top(40), x(c1), top(41));
    pdf.text(a, x(c1) + 1, top(40) + 0.3, { size: 4.6, color: RED, width: (c2 - c1 + 1) * COL - 2 });
    pdf.text(b, x(c1) + 1, top(40) + 6, { size: 4.6, color: RED, width: (c2 - c1 + 1) * COL - 2 });
  }
  const serviceCols = [10, 19, 22, 25, 32, 35, 38, 41, 45, 50, 57, 59, 63, 66, 69];
  for (let i = 0; i < LINES_PER_PAGE; i++) {
    const shaded = 41 + 2 * i;
    const main = shaded + 1;
    pdf.fill(x(1), top(shaded), 80 * COL, LINE, SHADE);
    pdf.text(String(i + 1), x(1) - 9, top(main) - 5, { size: 8, bold: true, color: RED });
    line(x(1), top(shaded), x(81), top(shaded), i === 0 ? 0.8 : 0.8);
    line(x(1), top(main), x(81), top(main), 0.3);
    for (const c of serviceCols) line(x(c), top(main), x(c), top(main + 1), c === 57 ? 0.3 : 0.5);
    line(x(66), top(shaded), x(66), top(main));
    line(x(69), top(shaded), x(69), top(main));
    pdf.text('NPI', x(66) + 2, top(main) + 3, { size: 5.5, color: RED });
  }
  pdf.box(x(1), top(41), 80 * COL, 12 * LINE, { color: RED, width: 0.8 });

  // 25-30
  cell(1, 21, 53, 54, '25. FEDERAL TAX I.D. NUMBER');
  pdf.text('SSN', x(17) - 1, top(53) + 5, { size: 5, color: RED });
  pdf.text('EIN', x(20) - 1, top(53) + 5, { size: 5, color: RED });
  checkbox(54, 17);
  checkbox(54, 20);
  cell(22, 36, 53, 54, "26. PATIENT'S ACCOUNT NO.");
  cell(37, 49, 53, 54, '27. ACCEPT ASSIGNMENT?');
  checkbox(54, 38, 'YES', 3);
  checkbox(54, 43, 'NO', 3);
  cell(50, 61, 53, 54, '28. TOTAL CHARGE');
  pdf.text('$', x(50) + 1, top(54) + 1, { size: 7, color: RED });
  line(x(59) - 1, top(54), x(59) - 1, top(55), 0.3);
  cell(62, 72, 53, 54, '29. AMOUNT PAID');
  pdf.text('$', x(62) + 1, top(54) + 1, { size: 7, color: RED });
  line(x(70) - 1, top(54), x(70) - 1, top(55), 0.3);
  cell(73, 80, 53, 54, '30. Rsvd for NUCC Use');

  // 31, 32, 33
  cell(1, 21, 55, 59);
  title(1, 55, 21, '31. SIGNATURE OF PHYSICIAN OR SUPPLIER');
  title(1, 55.5, 21, 'INCLUDING DEGREES OR CREDENTIALS');
  pdf.text('SIGNED', x(1) + 1, top(59) + 3, { size: 5.5, color: RED });
  pdf.text('DATE', x(10), top(59) + 3, { size: 5.5, color: RED });
  cell(22, 49, 55, 58, '32. SERVICE FACILITY LOCATION INFORMATION');
  cell(22, 33, 59, 59, 'a.  NPI');
  cell(34, 49, 59, 59, 'b.');
  pdf.fill(x(34) + 0.5, top(59) + 0.5, 16 * COL - 1, LINE - 1, SHADE);
  cell(50, 80, 55, 58, '33. BILLING PROVIDER INFO & PH #      (        )');
  cell(50, 61, 59, 59, 'a.  NPI');
  cell(62, 80, 59, 59, 'b.');
  pdf.fill(x(62) + 0.5, top(59) + 0.5, 19 * COL - 1, LINE - 1, SHADE);

  pdf.text('NUCC Instruction Manual available at: www.nucc.org', x(1), top(60) + 3, { size: 5.5, color: RED, bold: true });
  pdf.text('PLEASE PRINT OR TYPE', x(30), top(60) + 3, { size: 6, color: RED, bold: true });
  pdf.text('APPROVED OMB-0938-1197 FORM 1500 (02-12)', x(50), top(60) + 3, {
    size: 5.5,
    color: RED,
    bold: true,
    width: 31 * COL,
    align: 'right',
  });
}
