import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { STAGES } from './hiring.tables.ts';

/** The audit events the hiring module writes (see shared/audit-events.ts). Applicant rows are HR data: names and contacts stay out of details. */
export const hiringAuditEvents = defineAuditEvents({
  'create:hiring_position': { about: 'a position was opened (title, role, location, openings in `changes`)', details: z.null() },
  'update:hiring_position': {
    about: 'a position was edited, put on hold, closed, or filled when its hires reached its openings (`changes`)',
    details: z.null(),
  },
  'search:applicant': {
    about:
      'the applicant list (contact details and notes) was viewed, with its filters and how many rows; the name or email typed is left out',
    details: z.strictObject({
      count: z.number().int().min(0),
      positionId: z.guid().optional(),
      stage: z.enum(STAGES).optional(),
      text: z.literal(true).optional(),
    }),
  },
  'read:applicant': { about: "a manager opened an applicant's record (contact details, notes, stage history)", details: z.null() },
  'create:applicant': { about: 'an applicant was recorded for a position', details: z.strictObject({ positionId: z.guid() }) },
  'update:applicant': {
    about: "an applicant's details were edited (the fields changed in `changes`, values of contact fields left out)",
    details: z.null(),
  },
  'update:applicant_stage': {
    about: 'an applicant was moved to another stage (hired opens the onboarding)',
    details: z.strictObject({ from: z.enum(STAGES), to: z.enum(STAGES) }),
  },
  'create:onboarding': {
    about: 'hiring an applicant opened their onboarding with the default checklist',
    details: z.strictObject({ applicantId: z.guid(), items: z.number().int() }),
  },
  'update:onboarding': {
    about: "the onboarding's account was created (identity invites the user with the position's role at its location)",
    details: z.strictObject({ userId: z.guid() }),
  },
  'create:onboarding_item': { about: "an item was added to an onboarding's checklist", details: z.strictObject({ label: z.string() }) },
  'update:onboarding_item': {
    about: 'a checklist item was ticked or unticked',
    details: z.strictObject({ label: z.string(), done: z.boolean() }),
  },
});
