/**
 * Short descriptions of common claim adjustment reason codes (CARC), written for ClinicDesk in plain
 * words. The official code list and its wording belong to X12 (licensed): an office that holds the
 * list imports it (reason-texts.ts: its text is shown first); otherwise these summaries are shown,
 * and other codes show as the bare code.
 */
const CARC: Readonly<Record<string, string>> = {
  '1': 'Deductible: the patient pays this part',
  '2': 'Coinsurance: the patient pays this share',
  '3': 'Copay: the patient pays this fixed amount',
  '4': 'Modifier missing or inconsistent with the procedure',
  '5': 'Procedure code or bill type does not fit the place of service',
  '6': "Procedure does not fit the patient's age",
  '7': "Procedure does not fit the patient's sex",
  '11': 'Diagnosis does not support the procedure',
  '15': 'Authorization number missing or invalid',
  '16': 'Claim lacks information needed to adjudicate it (see the remark codes)',
  '18': 'Exact duplicate of a claim or service already processed',
  '19': "Work-related injury: the workers' compensation carrier pays",
  '22': 'Another payer may be responsible (coordination of benefits)',
  '23': 'Already adjusted by an earlier payer',
  '26': 'Service before coverage started',
  '27': 'Service after coverage ended',
  '29': 'Filed after the time limit for claims',
  '31': 'Patient is not a member the payer can identify',
  '45': 'Charge above the contracted or allowed amount',
  '50': 'Payer does not consider the service medically necessary',
  '96': 'Service is not covered',
  '97': 'Paid as part of another service already adjudicated',
  '109': 'Not covered by this payer: send to the right payer',
  '119': 'Benefit maximum reached for the period',
  '125': 'Submission or billing error',
  '146': 'Diagnosis code invalid for the date of service',
  '151': 'Payment adjusted: frequency or number of services not supported',
  '167': 'Diagnosis is not covered',
  '197': 'Pre-certification or authorization was not obtained',
  '204': "Service is not covered by the patient's current benefit plan",
  '226': 'Information requested from the provider was not received',
  '242': 'Services not provided by network providers',
  '251': 'Attachment or other documentation missing or incomplete',
  '252': 'An attachment or other documentation is required',
  '253': 'Sequestration: reduction of the federal payment',
};

/** The claim adjustment group codes (CAS01), in the project's words. */
const GROUP: Readonly<Record<string, string>> = {
  CO: 'Contractual: the practice writes this off, not the patient',
  PR: 'Patient responsibility: bill the patient',
  OA: 'Other adjustment',
  PI: 'Payer-initiated reduction',
  CR: 'Correction or reversal of an earlier claim',
};

/** The code sets whose texts an office may import: CARC (CAS02), RARC (remark codes), GROUP (CAS01). */
export const REASON_CODE_SETS = ['CARC', 'RARC', 'GROUP'] as const;
export type ReasonCodeSet = (typeof REASON_CODE_SETS)[number];

const BUILT_IN: Readonly<Record<ReasonCodeSet, Readonly<Record<string, string>>>> = { CARC, RARC: {}, GROUP };

/** The shipped short description of a CARC (null: none shipped for the code). */
export function adjustmentReasonText(code: string): string | null {
  return CARC[code] ?? null;
}

/** The shipped short description of a code of a set (null: none shipped). */
export function builtInReasonText(codeSet: ReasonCodeSet, code: string): string | null {
  return BUILT_IN[codeSet][code] ?? null;
}

/** Every shipped short text, as [codeSet, code, description]. */
export function builtInReasonTexts(): [ReasonCodeSet, string, string][] {
  return REASON_CODE_SETS.flatMap((set) =>
    Object.entries(BUILT_IN[set]).map(([code, text]) => [set, code, text] as [ReasonCodeSet, string, string]),
  );
}

export const ADJUSTMENT_REASON_CODES = Object.keys(CARC);
