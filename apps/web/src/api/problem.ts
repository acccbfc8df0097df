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
