import type { Stage } from './hiring.tables.ts';

/**
 * The pipeline: applied → screening → interview → offer → hired, one step at a time; rejected
 * or withdrawn from any stage before hired. Hired, rejected and withdrawn are final (someone
 * applying again is a new application).
 */
export const NEXT_STAGES: Readonly<Record<Stage, readonly Stage[]>> = {
  applied: ['screening', 'rejected', 'withdrawn'],
  screening: ['interview', 'rejected', 'withdrawn'],
  interview: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export const CLOSED_STAGES: readonly Stage[] = ['hired', 'rejected', 'withdrawn'];
export const needsReason = (stage: Stage) => stage === 'rejected' || stage === 'withdrawn';
