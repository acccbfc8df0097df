/** The demo practice's letter templates: three single letters from the chart and three batch letters. */
import type { LetterTemplateInput } from './letters.schemas.ts';

export const DEMO_TEMPLATES: LetterTemplateInput[] = [
  {
    name: 'Referral letter',
    kind: 'single',
    body: `Dear Colleague,

I am referring my patient, {{patient.fullName}} (date of birth {{patient.birthDate}}), for your evaluation and care.

Reason for referral: ________________________________
Relevant history and current medications are enclosed. Please send your consultation note to our office at {{location.address}} or call us at {{location.phone}}.

Thank you for seeing {{patient.firstName}}.

Sincerely,`,
  },
  {
    name: 'Work or school note',
    kind: 'single',
    body: `To whom it may concern,

{{patient.fullName}} was seen at {{practice.name}} on {{appointment.date}}.

Please excuse {{patient.firstName}} from work or school from {{appointment.date}} through ________________. {{patient.firstName}} may return without restrictions after that date unless told otherwise.

If you have questions, please call our office at {{location.phone}}.`,
  },
  {
    name: 'Results letter',
    kind: 'single',
    body: `Dear {{patient.firstName}},

Thank you for completing your recent tests. I have reviewed your results.

Your results are within the normal range and no change to your care is needed at this time.

If you have questions about these results, or would like a copy for your records, please call us at {{location.phone}}.

Sincerely,`,
  },
  {
    name: 'Recall reminder',
    kind: 'batch',
    body: `Dear {{patient.firstName}},

Our records show that you are due for your {{recall.type}} (due {{recall.dueDate}}). Regular check-ups help us catch problems early, when they are easiest to treat.

Please call {{location.name}} at {{location.phone}} to schedule a visit at a time that suits you. If you have already had this done elsewhere, let us know so we can update your chart.

We look forward to seeing you.

{{practice.name}}`,
  },
  {
    name: 'Balance reminder',
    kind: 'batch',
    body: `Dear {{guarantor.name}},

Our records show a balance of {{balance.due}} for care provided to {{patient.fullName}} at {{practice.name}}.

If you have already sent a payment, thank you, and please disregard this letter. Otherwise, please pay at your next visit, by phone at {{location.phone}}, or by mail to {{location.address}}. If you would like to set up a payment plan, call us: we are glad to help.

Billing Office, {{practice.name}}`,
  },
  {
    name: 'Practice closure notice',
    kind: 'batch',
    body: `Dear {{patient.firstName}},

We are writing to let you know that {{location.name}} will be closed for renovation from ________________ through ________________.

During this time our other offices remain open and your care team can see you there. Your medical records stay with {{practice.name}}, and you can request a copy at any time.

If you have a visit booked during the closure, we will call you to move it. Questions? Call us at {{location.phone}}.

Thank you for trusting us with your care.

{{practice.name}}`,
  },
];
