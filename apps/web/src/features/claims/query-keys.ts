/** Query keys of claims: the lists by state, one claim, the candidates, the batches. */
export const claimKeys = {
  all: ['claims'] as const,
  /** Every claim list: a scrub, a new claim or a batch changes them all. */
  lists: () => [...claimKeys.all, 'list'] as const,
  list: (status: string) => [...claimKeys.lists(), status] as const,
  detail: (id: string) => [...claimKeys.all, 'detail', id] as const,
  candidates: () => [...claimKeys.all, 'candidates'] as const,
  batches: () => [...claimKeys.all, 'batches'] as const,
  /** The denial queue (any filter): a replacement or write-off changes it. */
  denials: () => [...claimKeys.all, 'denials'] as const,
  /** The reconciliation queue (an ERA import or a resolution changes it). */
  unmatched: () => [...claimKeys.all, 'unmatched'] as const,
  /** The adjustment reason texts (an import or clearing changes them, and every text shown). */
  reasons: () => [...claimKeys.all, 'adjustment-reasons'] as const,
  reasonList: (filter: Record<string, unknown>) => [...claimKeys.reasons(), filter] as const,
  denialList: (filter: { reason: string; payerId: string; age: string }) => [...claimKeys.denials(), filter] as const,
};
