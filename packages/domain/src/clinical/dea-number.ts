/**
 * DEA registration numbers: two letters (the registrant type, then the initial of the
 * registrant's last name, or 9 for some business registrants) and seven digits, the last a
 * check digit: (d1 + d3 + d5 + 2 × (d2 + d4 + d6)) mod 10. Migration 0140's
 * `clinicdesk_valid_dea` holds the database to the same rule.
 */
export function isValidDea(dea: string): boolean {
  if (!/^[A-Z][A-Z9]\d{7}$/.test(dea)) return false;
  const d = [...dea.slice(2)].map(Number) as [number, number, number, number, number, number, number];
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 === d[6];
}

/** A valid DEA number from two letters and six digits (demo data, tests). */
export function deaWithCheckDigit(letters: string, six: string): string {
  const d = [...six].map(Number) as [number, number, number, number, number, number];
  return `${letters}${six}${(d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10}`;
}
