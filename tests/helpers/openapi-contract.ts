/**
 * The OpenAPI document as a contract tests can hold answers to: which operation a route
 * is, whether an answer's status is one the operation documents, whether an error answer
 * is the documented problem (media type, Problem members, a code listed for its status),
 * and request samples generated from the documented schemas.
 */
import { randomUUID } from 'node:crypto';
import { PROBLEM_MEDIA_TYPE, problemSchema } from '@server/plugins/errors.ts';
import { PROBLEM_SCHEMA_REF } from '@server/plugins/openapi-errors.ts';

export type Json = Record<string, unknown>;

export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Json }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

/** '/api/patients/:id' as the document spells it: '/api/patients/{id}'. */
export const docPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function operationOf(doc: OpenApiDoc, method: string, url: string): Operation | undefined {
  return doc.paths[docPath(url)]?.[method.toLowerCase()];
}

/** The codes a documented problem response narrows `code` to (undefined when it does not). */
export function documentedCodes(response: Operation['responses'][string] | undefined): string[] | undefined {
  const schema = response?.content?.[PROBLEM_MEDIA_TYPE]?.schema;
  const parts = (schema?.allOf as Json[] | undefined) ?? [];
  for (const part of parts) {
    const code = (part.properties as Json | undefined)?.code as Json | undefined;
    if (Array.isArray(code?.enum)) return code.enum as string[];
  }
  return undefined;
}

/** True when the schema is the shared Problem or builds on it. */
export function refersToProblem(schema: Json | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref === PROBLEM_SCHEMA_REF) return true;
  return ((schema.allOf as Json[] | undefined) ?? []).some((s) => s.$ref === PROBLEM_SCHEMA_REF);
}

export interface Answer {
  status: number;
  contentType: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
}

/**
 * What is wrong with `answer` as an answer of `op`, or null: its status must be documented
 * (a 5xx may fall under `default`), and an error answer must carry the documented media type;
 * a problem answer must be a Problem whose `status` is the HTTP status and whose `code` is
 * one the document lists for that status.
 */
export function contractViolation(op: Operation, answer: Answer): string | null {
  const { status } = answer;
  const response = op.responses[String(status)] ?? (status >= 500 ? op.responses.default : undefined);
  if (!response) return `answered ${status}, documented: ${Object.keys(op.responses).join(' ')}`;
  if (status < 400) return null;
  const mediaType = answer.contentType.split(';')[0]?.trim() ?? '';
  const documented = Object.keys(response.content ?? {});
  if (!documented.includes(mediaType)) return `answered ${status} as '${mediaType}', documented as ${documented.join(', ') || 'no body'}`;
  if (mediaType !== PROBLEM_MEDIA_TYPE) return null;
  const parsed = problemSchema.safeParse(answer.body);
  if (!parsed.success) return `answered ${status} with a body that is not a Problem: ${JSON.stringify(answer.body).slice(0, 200)}`;
  if (parsed.data.status !== status) return `answered ${status} with a problem of status ${parsed.data.status}`;
  const codes = documentedCodes(response);
  if (codes && !codes.includes(parsed.data.code)) return `answered ${status} ${parsed.data.code}, documented codes: ${codes.join(', ')}`;
  return null;
}

/** A string a `pattern`/length-constrained schema accepts, from a few usual shapes. */
function sampleString(schema: Json): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date(Date.now() + 30 * 86_400_000).toISOString();
  if (schema.format === 'date') return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  if (schema.format === 'email') return `contract.${randomUUID().slice(0, 8)}@example.com`;
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : null;
  const candidates = [day, '09:00', `${day}T09:00`, `${day}T15:00:00Z`, 'Contract test value', 'x', '123456', 'AB', '02139'];
  return candidates.find((c) => c.length >= min && c.length <= max && (!pattern || pattern.test(c))) ?? 'x'.repeat(Math.max(1, min));
}

/**
 * A value for a JSON schema with only the required members, ids random (so a valid-looking
 * request names objects that do not exist). Not always valid (refinements are invisible).
 */
export function sampleOf(schema: Json | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key] as Json[] | undefined;
    if (branches) return sampleOf(branches.find((b) => b.type !== 'null') ?? branches[0], depth + 1);
  }
  if (Array.isArray(schema.allOf))
    return Object.assign({}, ...(schema.allOf as Json[]).map((s) => sampleOf(s, depth + 1)).filter((v) => typeof v === 'object'));
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((x) => x !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const props = (schema.properties as Record<string, Json> | undefined) ?? {};
      const required = (schema.required as string[] | undefined) ?? [];
      return Object.fromEntries(required.map((k) => [k, sampleOf(props[k], depth + 1)]));
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => sampleOf(schema.items as Json, depth + 1));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

/** A JSON request body from the operation's documented body (undefined when it documents none). */
export function sampleBody(op: Operation): unknown {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? sampleOf(schema) : undefined;
}
