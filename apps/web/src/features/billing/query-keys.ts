/** Query keys of billing: the charge lists by filter, the fee schedules (standard, and each payer's contract). */
export const billingKeys = {
  all: ['billing'] as const,
  /** Every charge list: a correction, approval or void changes them all. */
  chargeLists: () => [...billingKeys.all, 'charges'] as const,
  chargeList: (filter: Record<string, unknown>) => [...billingKeys.chargeLists(), filter] as const,
  /** Every fee schedule list; `null` names the standard schedule. */
  schedules: () => [...billingKeys.all, 'fee-schedules'] as const,
  schedule: (payerId: string | null) => [...billingKeys.schedules(), payerId ?? 'standard'] as const,
};
