import { z } from 'zod';
import { npiSchema, phoneSchema, posSchema, stateSchema, timeZoneSchema, tinSchema, zipSchema } from '../shared/validation.ts';

const locationFields = {
  name: z.string().trim().min(1).max(200),
  addressLine1: z.string().trim().max(200),
  addressLine2: z.string().trim().max(200),
  city: z.string().trim().max(100),
  state: stateSchema.nullable(),
  postalCode: zipSchema.nullable(),
  phone: phoneSchema.nullable(),
  timeZone: timeZoneSchema,
  placeOfService: posSchema,
  billingNpi: npiSchema.nullable(),
  tin: tinSchema.nullable(),
  active: z.boolean(),
};

export const locationInputSchema = z.strictObject({
  ...locationFields,
  addressLine1: locationFields.addressLine1.default(''),
  addressLine2: locationFields.addressLine2.default(''),
  city: locationFields.city.default(''),
  state: locationFields.state.default(null),
  postalCode: locationFields.postalCode.default(null),
  phone: locationFields.phone.default(null),
  placeOfService: locationFields.placeOfService.default('11'),
  billingNpi: locationFields.billingNpi.default(null),
  tin: locationFields.tin.default(null),
  active: locationFields.active.default(true),
});
export type LocationInput = z.infer<typeof locationInputSchema>;

/** A PATCH changes only the fields it names: no defaults here, or omitted fields would be reset. */
export const locationPatchSchema = z.strictObject(locationFields).partial();
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
  /** The provider whose co-signature this provider's signed notes need (encounters); null: none. */
  supervisingProviderId: z.string().uuid().nullable(),
  version: z.number().int(),
});
export type Provider = z.infer<typeof providerSchema>;

/** What a provider's PATCH may change (needs If-Match). */
export const providerPatchSchema = z
  .strictObject({
    supervisingProviderId: z.string().uuid().nullable(),
    credentials: z.string().trim().max(40),
    active: z.boolean(),
  })
  .partial();
export type ProviderPatch = z.infer<typeof providerPatchSchema>;

export const roomSchema = z.object({
  id: z.string().uuid(),
  locationId: z.string().uuid(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Room = z.infer<typeof roomSchema>;

/** The kinds the screen offers; appointment types reserve rooms by kind, so a practice may add its own ("ultrasound"). */
export const ROOM_KINDS = ['exam room', 'procedure room', 'consult room', 'triage', 'lab', 'imaging'] as const;

const roomFields = {
  name: z.string().trim().min(1).max(60),
  kind: z.string().trim().min(1).max(60),
  active: z.boolean(),
};

export const roomInputSchema = z.strictObject({
  locationId: z.string().uuid(),
  name: roomFields.name,
  kind: roomFields.kind.default('exam room'),
});
export type RoomInput = z.infer<typeof roomInputSchema>;

/** Rename, change what it is for, take out of service or back (`active`). A room stays at its location. */
export const roomPatchSchema = z.strictObject(roomFields).partial();
export type RoomPatch = z.infer<typeof roomPatchSchema>;
