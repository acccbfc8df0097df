import { z } from 'zod';

const uuid = z.string().uuid();

export const reminderRuleSchema = z.object({
  id: uuid,
  hoursBefore: z.number().int(),
  channel: z.enum(['email', 'sms']),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

export const reminderRuleInputSchema = z.strictObject({
  hoursBefore: z.number().int().min(1).max(720),
  channel: z.enum(['email']).default('email'),
  active: z.boolean().default(true),
});
export type ReminderRuleInput = z.infer<typeof reminderRuleInputSchema>;

export const reminderRulePatchSchema = z.strictObject({
  hoursBefore: z.number().int().min(1).max(720).optional(),
  active: z.boolean().optional(),
});
export type ReminderRulePatch = z.infer<typeof reminderRulePatchSchema>;

/** SMTP settings as the API shows them: the password never leaves the server, only whether one is set. */
export const commsSettingsSchema = z.object({
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  smtpFrom: z.string().nullable(),
  publicUrl: z.string().nullable(),
  /** Which server mail goes to now: the practice's own, SMTP_URL of the installation, or none. */
  effectiveSource: z.enum(['organization', 'environment', 'none']),
});
export type CommsSettings = z.infer<typeof commsSettingsSchema>;

export const commsSettingsPatchSchema = z.strictObject({
  smtpHost: z.string().trim().min(1).max(255).nullable().optional(),
  smtpPort: z.number().int().min(1).max(65535).nullable().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: z.string().max(255).nullable().optional(),
  /** Write-only. null clears it; omit to keep the stored one. */
  smtpPassword: z.string().max(500).nullable().optional(),
  smtpFrom: z.string().trim().max(255).nullable().optional(),
  publicUrl: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, 'scheme and host only, e.g. https://clinic.example.org')
    .nullable()
    .optional(),
});
export type CommsSettingsPatch = z.infer<typeof commsSettingsPatchSchema>;

export const messageSchema = z.object({
  id: uuid,
  kind: z.enum(['reminder', 'waitlist_offer', 'payment_receipt', 'statement']),
  channel: z.enum(['email', 'sms']),
  to: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'bounced', 'skipped']),
  appointmentId: uuid.nullable(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  skipReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/** A message that did not reach its patient, with whom it was for (the front desk's home page). */
export const undeliveredMessageSchema = messageSchema.extend({ patientId: uuid, patientName: z.string() });
export type UndeliveredMessage = z.infer<typeof undeliveredMessageSchema>;
