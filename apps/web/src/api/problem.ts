/** The server's RFC 9457 problem+json body (apps/server/src/plugins/errors.ts) as the UI reads it. */
export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  /** 412 VERSION_MISMATCH carries the record as it is now. */
  current?: unknown;
}

/** Raised by `unwrap` so TanStack Query sees a failed call. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

export function toProblem(error: unknown, status: number): Problem {
  if (isProblem(error)) return error;
  return { status, code: 'INTERNAL', title: 'Unexpected answer', detail: `the server answered ${status}` };
}

/** `{ path: message }` for a form; paths are the server's dotted field paths. */
export function fieldErrors(problem: Problem): Record<string, string> {
  return Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
}

/**
 * One field's message after its label, for a line that names the field: "State: enter a
 * two-letter US state, such as CO." A message written to follow the field's name ("is too
 * common") reads on from the label: "Password is too common."
 */
export function withLabel(label: string, message: string): string {
  const m = message.trim().replace(/[.]$/, '');
  if (/^(is|are|must|contains|has|does|was|already)\b/.test(m)) return `${label} ${m}.`;
  // Lower the first letter unless it starts an acronym or a code ("NPI", "ZIP", "EDI", "CO").
  const lowered = /^[A-Z][a-z]/.test(m) ? m[0]?.toLowerCase() + m.slice(1) : m;
  return `${label}: ${lowered}.`;
}

/** The label of a server field path: exact, then with list indexes dropped ('phones.0.number' → 'phones.number'), else the path. */
export function labelOf(path: string, labels: Record<string, string>): string {
  return labels[path] ?? labels[path.replace(/\.\d+(?=\.|$)/g, '')] ?? labels[path.split('.')[0] ?? ''] ?? path;
}

/**
 * The line a screen shows for a problem when its fields show their own messages: the fields
 * it does not show (`shown` says which paths it does) each as "Label: message", else, when
 * every field is shown beside its input, a pointer to them by label.
 */
export function problemLine(problem: Problem, labels: Record<string, string>, shown: (path: string) => boolean = () => false): string {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return problem.detail || problem.title;
  const hidden = errors.filter((e) => !shown(e.path));
  if (hidden.length) return hidden.map((e) => withLabel(labelOf(e.path, labels), e.message)).join(' ');
  const names = [...new Set(errors.map((e) => labelOf(e.path, labels)))];
  return `Check ${names.length === 1 ? 'the field' : 'the fields'} marked below: ${names.join(', ')}.`;
}

/** True when a form's values hold the dotted `path` ('address.state', 'phones.0.number'): the form shows that field. */
export function hasField(values: unknown, path: string): boolean {
  let v: unknown = values;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return false;
    v = (v as Record<string, unknown>)[seg];
  }
  return true;
}
