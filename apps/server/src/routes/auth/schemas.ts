import { PERMISSIONS, ROLES } from '@domain/access/permissions.ts';
import { z } from 'zod';

export const roleAssignmentSchema = z.object({ role: z.enum(ROLES), locationId: z.string().uuid().nullable() });

export const meUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  providerId: z.string().uuid().nullable(),
  mfaEnabled: z.boolean(),
  roles: z.array(roleAssignmentSchema),
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS])),
});

export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^[0-9A-Za-z-]{6,20}$/)
    .optional(),
});

export const loginResponseSchema = z.object({
  user: meUserSchema,
  token: z.string(),
  expiresAt: z.string(),
  /** True when the practice requires MFA and the user has none yet: only enrolment is open to this session. */
  mfaPending: z.boolean(),
});

export const sessionStatusSchema = z.object({
  id: z.string().uuid(),
  expiresAt: z.string(),
  mfaPending: z.boolean(),
});

export const meResponseSchema = z.object({
  user: meUserSchema,
  organization: z.object({ id: z.string().uuid(), name: z.string() }),
  /** The active locations the user holds a role at (all of them with a practice-wide role); the web UI offers these. */
  locations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  locationId: z.string().uuid().nullable(),
  session: z.object({ id: z.string().uuid().nullable(), expiresAt: z.string().nullable(), mfaPending: z.boolean() }),
  payments: z.object({
    cardGateway: z
      .boolean()
      .describe(
        'A card gateway is set up (CARD_GATEWAY_URL): a card payment may send the card token to be charged here; otherwise cards are taken on a standalone terminal and keyed in',
      ),
  }),
});
