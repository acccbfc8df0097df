import { z } from 'zod';
import { npiSchema, phoneSchema, posSchema, stateSchema, timeZoneSchema, tinSchema, zipSchema } from '../shared/validation.ts';

export const locationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  addressLine1: z.string().trim().max(200).default(''),
  addressLine2: z.string().trim().max(200).default(''),
  city: z.string().trim().max(100).default(''),
  state: stateSchema.nullable().default(null),
  postalCode: zipSchema.nullable().default(null),
  phone: phoneSchema.nullable().default(null),
  timeZone: timeZoneSchema,
  placeOfService: posSchema.default('11'),
  billingNpi: npiSchema.nullable().default(null),
  tin: tinSchema.nullable().default(null),
  active: z.boolean().default(true),
});
export type LocationInput = z.infer<typeof locationInputSchema>;

export const locationPatchSchema = locationInputSchema.partial().strict();
export type LocationPatch = z.infer<typeof locationPatchSchema>;

export const locationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  placeOfService: z.string(),
  billingNpi: z.string().nullable(),
  tin: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Location = z.infer<typeof locationSchema>;

export const providerSchema = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  credentials: z.string(),
  npi: z.string(),
  taxonomyCode: z.string().nullable(),
  color: z.string(),
  active: z.boolean(),
});
export type Provider = z.infer<typeof providerSchema>;

export const roomSchema = z.object({
  id: z.string().uuid(),
  locationId: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
});
export type Room = z.infer<typeof roomSchema>;
