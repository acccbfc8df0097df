/**
 * The audit catalogue's vocabulary. Each module declares the audit events its use cases
 * write (`audit` in its manifest, built with `defineAuditEvents`), keyed by
 * `${action}:${resourceType}`: what the row records and the shape of its `details`.
 * `modules.ts` collects the declarations (`auditCatalogue`); recordAudit, readAudited and
 * insertAudited refuse an undeclared event and details of another shape with an Error (a
 * programming error, never the user's). docs/AUDIT.md shows the catalogue
 * (`clinicdesk docs audit`).
 */
import { z } from 'zod';

/** Every action an audit row may name. A new one is added here, then declared by the module that writes it. */
export const AUDIT_ACTIONS = [
  // Patient data and practice records.
  'read',
  'search',
  'create',
  'update',
  'delete',
  'print',
  'export',
  'merge',
  'duplicate-check',
  // Clinical documentation: signing a note, amending a signed one.
  'sign',
  'amend',
  // PHI sent outside the practice (claims, statements, record releases): the accounting of disclosures.
  'disclose',
  // Access decisions and their review.
  'break_glass',
  'review',
  'access_denied',
  'verify',
  // Sign-in, sessions and accounts.
  'login',
  'logout',
  'lockout',
  'unlock',
  'session_end',
  'mfa_enroll',
  'mfa_activate',
  'mfa_verify',
  'mfa_reset',
  'password_change',
  'password_set',
  'role_change',
  'invite',
  'deactivate',
  // Patients' one-click links.
  'use_link',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `${action}:${resourceType}`, e.g. `read:patient`. */
export type AuditEventKey = `${AuditAction}:${string}`;

export interface AuditEventSpec {
  /** What one row of this event records (one line, shown in docs/AUDIT.md). */
  readonly about: string;
  /**
   * The shape of `details` as the caller passes it (null when absent). recordAudit adds
   * `breakGlassGrantId` itself on rows written under a grant: leave it out.
   */
  readonly details: z.ZodType;
  /** Who writes it, when not the declaring module's own use cases (the server, or a module to come). */
  readonly writer?: string;
}

export type AuditEventSpecs = Readonly<Record<AuditEventKey, AuditEventSpec>>;

/** A module's audit events; the keys name action and resource type. */
export function defineAuditEvents<const E extends AuditEventSpecs>(events: E): E {
  return events;
}

/** The details a declared event was written with (for a module's own typed helpers). */
export type AuditDetailsOf<E extends AuditEventSpecs, K extends keyof E> = E[K] extends { details: infer D extends z.ZodType }
  ? z.input<D>
  : never;

/** One entry of the catalogue: a declaration with the module that made it. */
export interface DeclaredAuditEvent extends AuditEventSpec {
  readonly key: AuditEventKey;
  readonly action: AuditAction;
  readonly resourceType: string;
  readonly module: string;
}

/** The catalogue entries of a module's declarations (checks each key names a known action). */
export function declaredAuditEvents(module: string, events: AuditEventSpecs): DeclaredAuditEvent[] {
  return Object.entries(events).map(([key, spec]) => {
    const at = key.indexOf(':');
    const action = key.slice(0, at) as AuditAction;
    const resourceType = key.slice(at + 1);
    if (at < 1 || !resourceType || !(AUDIT_ACTIONS as readonly string[]).includes(action)) {
      throw new Error(`audit event ${key} of module ${module}: the key must be <action>:<resourceType> with an action of AUDIT_ACTIONS`);
    }
    return { ...spec, key: key as AuditEventKey, action, resourceType, module };
  });
}

/** The declaration of (action, resourceType); throws when there is none. */
export function auditEventSpec(
  catalogue: ReadonlyMap<string, DeclaredAuditEvent>,
  action: string,
  resourceType: string,
): DeclaredAuditEvent {
  const spec = catalogue.get(`${action}:${resourceType}`);
  if (spec) return spec;
  throw new AuditCatalogueError(
    `${action}:${resourceType}`,
    'is not declared: declare it in the audit events of the module that writes it (module.ts `audit`)',
  );
}

/** Throws unless `details` (null when absent) has the declared shape. */
export function checkAuditDetails(spec: DeclaredAuditEvent, details: unknown): void {
  const parsed = spec.details.safeParse(details ?? null);
  if (!parsed.success) {
    throw new AuditCatalogueError(spec.key, `has details of another shape than ${spec.module} declares:\n${z.prettifyError(parsed.error)}`);
  }
}

/**
 * Check one event against the catalogue: it must be declared and its details (null when
 * absent) must match. Throws an AuditCatalogueError naming the event and what is wrong.
 */
export function checkAuditEvent(
  catalogue: ReadonlyMap<string, DeclaredAuditEvent>,
  action: string,
  resourceType: string,
  details: unknown,
): void {
  checkAuditDetails(auditEventSpec(catalogue, action, resourceType), details);
}

/** Refusals not yet taken (at most 100). */
const refused: string[] = [];

/** An audit event that the catalogue does not allow: a programming error. */
export class AuditCatalogueError extends Error {
  constructor(
    readonly eventKey: string,
    problem: string,
  ) {
    super(`audit event ${eventKey} ${problem}`);
    this.name = 'AuditCatalogueError';
    if (refused.length < 100) refused.push(this.message);
  }
}

/**
 * The refusals since the last call, and forget them. A caller that must not fail on its
 * audit row (a denial written on the way to another error) swallows the error; the test
 * suite takes these after each file (tests/setup/audit-catalogue-guard.ts), so none goes unseen.
 */
export function takeAuditCatalogueRefusals(): string[] {
  return refused.splice(0);
}

// ---- shared details shapes ------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of ids (patients shown on a page...): one regex pass over the list, since a zod
 * check per element costs ~0.2 µs each and a page can name a hundred.
 */
export const auditIdsSchema = z
  .array(z.string())
  .refine((ids) => ids.every((id) => UUID.test(id)), 'expected uuids')
  .meta({ 'x-shape': 'uuid[]' });

/** Who received PHI that left the practice. */
export const disclosureRecipientSchema = z
  .strictObject({
    kind: z.enum([
      'payer',
      'clearinghouse',
      'patient',
      'personal_representative',
      'provider',
      'public_health',
      'government',
      'court',
      'other',
    ]),
    /** Name of the person or organization, as the accounting of disclosures shows it. */
    name: z.string().min(1).max(200),
    /** Payer id, NPI, clearinghouse submitter id...: what identifies the recipient, when there is one. */
    identifier: z.string().max(100).nullable(),
    /** Postal or electronic address, when known (45 CFR 164.528(b)(2)(ii)). */
    address: z.string().max(500).nullable(),
  })
  .meta({ title: 'Recipient' });

/**
 * The details of a `disclose` row: one entry of the accounting of disclosures
 * (45 CFR 164.528(b)(2)): the date is the row's, then the recipient, what was disclosed and
 * why. `purpose` lets the report tell what the current rule leaves out of the accounting
 * (treatment, payment, operations, to the patient themself) from what it must list.
 */
export const disclosureDetailsSchema = z
  .strictObject({
    recipient: disclosureRecipientSchema,
    purpose: z.enum([
      'treatment',
      'payment',
      'operations',
      'patient_request',
      'authorization',
      'required_by_law',
      'public_health',
      'health_oversight',
      'judicial',
      'law_enforcement',
      'research',
      'other',
    ]),
    /** A brief statement of the purpose, as the patient will read it. */
    statement: z.string().min(1).max(500),
    /** A brief description of the PHI disclosed, e.g. "claim for the visit of 2026-03-02: diagnoses, procedures, charges". */
    disclosed: z.string().min(1).max(500),
    /** How it left: electronic transaction, mail, fax, e-mail, portal, handed over. */
    channel: z.enum(['edi', 'mail', 'fax', 'email', 'portal', 'in_person']),
  })
  .meta({ title: 'Disclosure' });

/** The details of a `print` or `export`: the format and, when it holds several, how many records. */
export const outputDetailsSchema = z
  .strictObject({
    format: z.enum(['pdf', 'csv', 'json', 'ccda', 'fhir', 'zip']),
    count: z.number().int().nonnegative().optional(),
  })
  .meta({ title: 'Output' })
  .nullable();

// ---- the catalogue as a table ---------------------------------------------------------

/**
 * The shape of a details schema in one line, e.g. `{ count: int, patientIds?: uuid[] } | null`.
 * A part with a title (`.meta({ title })`) is shown by its title and its shape goes to `named`.
 */
export function describeDetails(schema: z.ZodType, named: Map<string, string> = new Map()): string {
  return describeJson(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema, named);
}

interface JsonSchema {
  title?: string;
  'x-shape'?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
}

function describeJson(s: JsonSchema, named: Map<string, string>): string {
  if (s.title) {
    if (!named.has(s.title)) {
      named.set(s.title, '');
      named.set(s.title, describeJson({ ...s, title: undefined }, named));
    }
    return s.title;
  }
  if (s['x-shape']) return s['x-shape'];
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map((a) => describeJson(a, named)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((type) => describeJson({ ...s, type }, named)).join(' | ');
  switch (s.type) {
    case 'null':
    case 'boolean':
    case 'number':
      return s.type;
    case 'integer':
      return 'int';
    case 'string':
      return s.format === 'uuid' || s.format === 'date-time' || s.format === 'date' ? s.format : 'string';
    case 'array': {
      const item = s.items ? describeJson(s.items, named) : 'unknown';
      return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0) {
        const values = typeof s.additionalProperties === 'object' ? describeJson(s.additionalProperties, named) : 'unknown';
        return `{ [key]: ${values} }`;
      }
      const required = new Set(s.required ?? []);
      return `{ ${props.map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${describeJson(v, named)}`).join(', ')} }`;
    }
    default:
      return 'unknown';
  }
}

/** The catalogue as a markdown table, then the shapes it names (docs/AUDIT.md, between its catalogue markers). */
export function auditCatalogueMarkdown(events: readonly DeclaredAuditEvent[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const named = new Map<string, string>();
  const rows = [...events]
    .sort((a, b) => a.resourceType.localeCompare(b.resourceType) || a.action.localeCompare(b.action))
    .map((e) => {
      const by = e.writer ? `${e.module} (${e.writer})` : e.module;
      return `| \`${e.action}\` | \`${e.resourceType}\` | ${cell(by)} | ${cell(e.about)} | \`${cell(describeDetails(e.details, named))}\` |`;
    });
  return [
    '| action | resource type | declared by (written by) | records | details |',
    '|---|---|---|---|---|',
    ...rows,
    ...(named.size ? ['', ...[...named].map(([title, shape]) => `- \`${title}\`: \`${shape}\``)] : []),
  ].join('\n');
}

const BEGIN = "<!-- audit-catalogue:begin (generated by `clinicdesk docs audit` from the modules' manifests; do not edit by hand) -->";
const END = '<!-- audit-catalogue:end -->';

/** `doc` (docs/AUDIT.md) with the catalogue written between its markers; throws when the markers are missing. */
export function withAuditCatalogue(doc: string, events: readonly DeclaredAuditEvent[]): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`the audit catalogue markers are missing: ${BEGIN} ... ${END}`);
  return `${doc.slice(0, begin + BEGIN.length)}\n${auditCatalogueMarkdown(events)}\n${doc.slice(end)}`;
}
