import { z } from 'zod';
import { CREDENTIAL_KINDS } from './credentials.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const stateCode = z.string().regex(/^[A-Z]{2}$/, 'Enter the two-letter state code, such as MA.');

/** A credential with whose it is and how long it has left. `daysLeft` < 0: expired. */
export const credentialSchema = z.object({
  id: uuid,
  providerId: uuid.nullable(),
  userId: uuid.nullable(),
  holderName: z.string(),
  kind: z.enum(CREDENTIAL_KINDS),
  number: z.string(),
  state: z.string().nullable(),
  issuer: z.string(),
  expiresOn: z.string(),
  daysLeft: z.number().int(),
  status: z.enum(['valid', 'expiring', 'expired']),
  renewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const credentialInputSchema = z
  .strictObject({
    providerId: uuid.optional(),
    userId: uuid.optional(),
    kind: z.enum(CREDENTIAL_KINDS),
    number: z.string().trim().min(1).max(60),
    state: stateCode.optional(),
    issuer: z.string().trim().max(200).default(''),
    expiresOn: date,
  })
  .superRefine((v, ctx) => {
    if (!v.providerId === !v.userId)
      ctx.addIssue({
        code: 'custom',
        path: [v.providerId ? 'userId' : 'providerId'],
        message: 'Name either a provider or a staff member.',
      });
    if (v.kind === 'license' && !v.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'A state licence needs its state.' });
  });
export type CredentialInput = z.infer<typeof credentialInputSchema>;

/** A renewal (a later `expiresOn`, perhaps a new number) or a correction. */
export const credentialPatchSchema = z.strictObject({
  number: z.string().trim().min(1).max(60).optional(),
  state: stateCode.nullable().optional(),
  issuer: z.string().trim().max(200).optional(),
  expiresOn: date.optional(),
});
export type CredentialPatch = z.infer<typeof credentialPatchSchema>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const credentialQuerySchema = z.strictObject({
  /** Expired ones and those expiring within this many days. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  providerId: uuid.optional(),
  userId: uuid.optional(),
  kind: z.enum(CREDENTIAL_KINDS).optional(),
  /** Only the signed-in user's own (and their provider's). */
  mine: flag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type CredentialQuery = z.infer<typeof credentialQuerySchema>;

/** For the manager's dashboard. */
export const credentialsDueSummarySchema = z.object({
  expired: z.number().int(),
  due: z.number().int(),
  withinDays: z.number().int(),
});
export type CredentialsDueSummary = z.infer<typeof credentialsDueSummarySchema>;
