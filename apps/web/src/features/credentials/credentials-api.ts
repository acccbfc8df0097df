/** Types of the credentials API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Credential = Json<paths['/api/credentials']['get']['responses'][200]>['items'][number];
export type CredentialInput = Json<paths['/api/credentials']['post']['requestBody']>;
export type CredentialKind = Credential['kind'];

export const KIND_LABELS: Record<CredentialKind, string> = {
  license: 'State licence',
  dea: 'DEA registration',
  board: 'Board certification',
  bls: 'BLS',
  acls: 'ACLS',
  malpractice: 'Malpractice cover',
};

export const STATUS_COLORS: Record<Credential['status'], string> = { valid: 'green', expiring: 'orange', expired: 'red' };

/** "Expired 12 days ago", "Expires today", "41 days left". */
export function daysLeftText(c: Pick<Credential, 'daysLeft'>): string {
  if (c.daysLeft < 0) return `Expired ${-c.daysLeft} day${c.daysLeft === -1 ? '' : 's'} ago`;
  if (c.daysLeft === 0) return 'Expires today';
  return `${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} left`;
}
