/**
 * X12 5010 for ClinicDesk: the only code that builds or splits X12 text. Pure: no database, no files,
 * no other ClinicDesk package. Money is integer cents, dates `YYYY-MM-DD`.
 */
export type {
  Address,
  BillingProvider837,
  CasAdjustment,
  Claim837,
  Claim837Batch,
  OtherPayer837,
  OtherPayerLine837,
  PersonName,
  ServiceLine837,
} from './837p-types.ts';
export { type Build837POptions, build837P, build837PInSlices, X222A1 } from './837p-build.ts';
export { type Parsed837P, parse837P } from './837p-parse.ts';
export {
  type Balance835,
  balance835,
  type ProviderAdjustment835,
  parse835,
  type Remittance835,
  type RemittanceClaim835,
  type RemittanceLine835,
} from './835.ts';
export { type Build835Input, build835, X221A1 } from './835-build.ts';
export { type Build277CAInput, type Build999Input, build277CA, build999, X214, X231A1 } from './ack-build.ts';
export { type Ack999, parse999, type SegmentError999, type SetAck999 } from './999.ts';
export { type Ack277CA, type ClaimAck277CA, type ClaimStatus277, parse277CA } from './277ca.ts';
export { build270, type Eligibility270Request, parse270, X279A1 } from './270.ts';
export { type Benefit271, type Eligibility271, parse271, type Rejection271 } from './271.ts';
export { type Benefit271Input, type Build271Input, build271 } from './271-build.ts';
export { ENVELOPE_FAULTS, type ReadOptions, X12Error, type X12Issue } from './errors.ts';
export { formatCents, parseAmountToCents } from './money.ts';
export {
  detectSeparators,
  type Interchange,
  readX12,
  type Segment,
  type Separators,
  type Transaction,
  transactionsOf,
  type X12Document,
} from './reader.ts';
export { DEFAULT_SEPARATORS, type EnvelopeOptions } from './writer.ts';
