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
  /** 'sms': a text to patients who agreed to texts, inside the location's sending hours. */
  channel: z.enum(['email', 'sms']).default('email'),
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
  /** The SMS provider account (Twilio-compatible); the auth token is never returned, only whether one is set. */
  smsAccountSid: z.string().nullable(),
  smsAuthTokenSet: z.boolean(),
  smsFromNumber: z.string().nullable(),
  /** null: https://api.twilio.com. */
  smsApiBaseUrl: z.string().nullable(),
  /** Local hours (HH:MM) of each location between which texts go out; outside them they wait for the morning. */
  smsSendFrom: z.string(),
  smsSendUntil: z.string(),
  /** Whether texts can be sent now (account SID, token and number all set). */
  smsReady: z.boolean(),
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
  smsAccountSid: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{2,64}$/, 'letters and digits, as the provider shows it (AC…)')
    .nullable()
    .optional(),
  /** Write-only. null clears it; omit to keep the stored one. */
  smsAuthToken: z.string().min(8).max(200).nullable().optional(),
  smsFromNumber: z
    .string()
    .trim()
    .regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number, e.g. +13035550100')
    .nullable()
    .optional(),
  smsApiBaseUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL, e.g. https://api.twilio.com')
    .nullable()
    .optional(),
  smsSendFrom: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM')
    .optional(),
  smsSendUntil: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM')
    .optional(),
});
export type CommsSettingsPatch = z.infer<typeof commsSettingsPatchSchema>;

export const messageSchema = z.object({
  id: uuid,
  kind: z.enum(['reminder', 'waitlist_offer', 'payment_receipt', 'statement', 'text', 'recall']),
  channel: z.enum(['email', 'sms']),
  to: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'skipped']),
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

/** One text in a patient's two-way thread: sent by the practice (with its delivery status) or received. */
export const textSchema = z.object({
  id: uuid,
  direction: z.enum(['outbound', 'inbound']),
  body: z.string(),
  /** Sent (or queued) for outbound, received for inbound. */
  at: z.string(),
  /** The patient's number. */
  number: z.string().nullable(),
  /** Outbound: the message status. */
  status: z.enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'skipped']).nullable(),
  /** Outbound: why it failed. */
  error: z.string().nullable(),
  /** Inbound: what ClinicDesk did with it (confirmed or cancelled the next visit, opted out or in, or left it for the desk). */
  action: z.enum(['confirmed', 'cancelled', 'opted_out', 'opted_in', 'inbox']).nullable(),
  /** Inbound, for the desk: when someone marked it handled. */
  handledAt: z.string().nullable(),
});
export type Text = z.infer<typeof textSchema>;

export const sendTextInputSchema = z.strictObject({ body: z.string().trim().min(1).max(640) });
export type SendTextInput = z.infer<typeof sendTextInputSchema>;

/** A received text waiting for the desk, with whose it is (null: no single patient has that number). */
export const inboxTextSchema = z.object({
  id: uuid,
  from: z.string(),
  body: z.string(),
  receivedAt: z.string(),
  patientId: uuid.nullable(),
  patientName: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type InboxText = z.infer<typeof inboxTextSchema>;
