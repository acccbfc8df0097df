/** Money in the UI: integer cents in, dollars out; typed amounts parsed to cents without floating point. */
export const money = (cents: number) => (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

/** "123.45", "$123" or "123.4" → cents; null when it is not an amount. */
export function dollarsToCents(text: string): number | null {
  const m = /^\s*\$?(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
