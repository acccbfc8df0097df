/**
 * Validation messages written for the people who read them. Zod's own wording ("Too small:
 * expected string to have >=3 characters", "Invalid option: expected one of ...") never
 * reaches a person: each issue zod raised by itself is rewritten from its code and bounds
 * ("Must be at least 3 characters."); a message a schema's author wrote is kept, as a
 * sentence ("use YYYY-MM-DD" becomes "Use YYYY-MM-DD."). The field is named by its path
 * beside the message (problem+json `errors[].path`); the web UI puts its label in front.
 */

/** A zod issue, as zod raises it or as fastify-type-provider-zod passes it on (`keyword` + `params`). */
export interface IssueLike {
  code?: string | undefined;
  message?: string | undefined;
  [member: string]: unknown;
}

/** Zod's own English messages (its `en` locale) all begin so; the codebase's own messages never do. */
const ZOD_WORDING = /^(Invalid\b|Too (small|big)\b|Unrecognized keys?\b|Number must be\b|Expected\b)/;

/** "use YYYY-MM-DD" → "Use YYYY-MM-DD."; an empty message stays empty. */
export function asSentence(message: string): string {
  const m = message.trim();
  if (!m) return m;
  const first = m[0] as string;
  // A leading word written in lower case on purpose ("iCal", "eRx") keeps its case.
  const capital = /^[a-z][a-z'-]*\b/.test(m) && !/^[a-z]+[A-Z]/.test(m) ? first.toUpperCase() + m.slice(1) : m;
  return /[.!?…)]$/.test(capital) ? capital : `${capital}.`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const list = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** What the value should be, by the type zod expected. */
function expectedKind(expected: unknown): string {
  switch (expected) {
    case 'string':
      return 'Must be text.';
    case 'number':
    case 'bigint':
      return 'Must be a number.';
    case 'int':
      return 'Must be a whole number.';
    case 'boolean':
      return 'Must be yes or no (true or false).';
    case 'array':
      return 'Must be a list.';
    case 'object':
      return 'Must be a group of fields.';
    case 'date':
      return 'Must be a date.';
    default:
      return 'Not the kind of value expected here.';
  }
}

function tooSmall(issue: IssueLike): string {
  const min = Number(issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return min <= 1 && inclusive ? 'Required.' : `Must be at least ${plural(inclusive ? min : min + 1, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      return min <= 1 ? 'Add at least one.' : `Add at least ${min}.`;
    case 'date':
      return `Must be on or after ${String(issue.minimum)}.`;
    default:
      return inclusive ? `Must be ${min} or more.` : `Must be more than ${min}.`;
  }
}

function tooBig(issue: IssueLike): string {
  const max = Number(issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return `Must be at most ${plural(inclusive ? max : max - 1, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      return `At most ${max} allowed.`;
    case 'date':
      return `Must be on or before ${String(issue.maximum)}.`;
    case 'file':
      return 'The file is too large.';
    default:
      return inclusive ? `Must be ${max} or less.` : `Must be less than ${max}.`;
  }
}

function badFormat(issue: IssueLike): string {
  switch (issue.format) {
    case 'email':
      return 'Enter an email address, such as name@example.com.';
    case 'uuid':
    case 'guid':
      return 'Choose one from the list (this is not an id ClinicDesk gave).';
    case 'url':
      return 'Enter a web address, such as https://clinic.example.org.';
    case 'date':
      return 'Enter a date as YYYY-MM-DD.';
    case 'datetime':
      return 'Enter a date and time, such as 2026-03-14T09:30:00Z.';
    case 'time':
      return 'Enter a time, such as 09:30.';
    case 'starts_with':
      return `Must begin with ${String(issue.prefix)}.`;
    case 'ends_with':
      return `Must end with ${String(issue.suffix)}.`;
    case 'includes':
      return `Must contain ${String(issue.includes)}.`;
    default:
      return 'Not in the expected format.';
  }
}

/** The message a person reads for one issue. */
export function plainIssueMessage(issue: IssueLike): string {
  const message = issue.message ?? '';
  if (message && !ZOD_WORDING.test(message)) return asSentence(message);
  switch (issue.code) {
    case 'invalid_type':
      // Only the message tells what was received: a missing value is "Required".
      return /received (undefined|null)\b/.test(message) ? 'Required.' : expectedKind(issue.expected);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_value': {
      const values = Array.isArray(issue.values) ? issue.values : [];
      if (values.length === 1) return `Must be ${list(values)}.`;
      return values.length && values.length <= 12 ? `Choose one of: ${list(values)}.` : 'Not one of the choices.';
    }
    case 'invalid_format':
      return badFormat(issue);
    case 'invalid_union': {
      const options = Array.isArray(issue.options) ? issue.options : [];
      return options.length ? `Choose one of: ${list(options)}.` : 'Not one of the accepted forms.';
    }
    case 'unrecognized_keys':
      return UNKNOWN_FIELD;
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    case 'invalid_key':
    case 'invalid_element':
      return 'Holds a value that is not allowed.';
    default:
      return 'Not a valid value.';
  }
}

/** A field the request does not know (a misspelled or out-of-date field name). */
export const UNKNOWN_FIELD = 'Not a field this request accepts.';

/** The `detail` of a 400 whose `errors` list `count` fields, by the part of the request they are in. */
export function plainValidationDetail(part: string | undefined, count: number): string {
  switch (part) {
    case 'querystring':
      return count === 1 ? 'A search or filter value needs correcting.' : `${count} search or filter values need correcting.`;
    case 'params':
      return 'The address of this page or record is not valid.';
    case 'headers':
      return 'A request header is not valid.';
    default:
      return count === 1 ? 'One field needs correcting.' : `${count} fields need correcting.`;
  }
}
