/**
 * The one HTTP client of the UI, typed from the OpenAPI document (`npm run gen:api`
 * regenerates openapi.json and schema.d.ts; never hand-write a fetch per route).
 * Same-origin cookies carry the session; every request gets the CSRF marker header and the
 * selected location; a 401 outside sign-in sends the user to the login page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, type Problem, toProblem } from './problem.ts';
import type { paths } from './schema';
import { getSelectedLocation, setSelectedLocation } from './selected-location.ts';
import { reportUnauthorized } from './unauthorized.ts';

/** 401s from these are answers to the form, not a lost session. */
const SIGN_IN_PATHS = new Set(['/api/auth/login']);
/** A wrong password or code re-entered to sign a note or confirm an action: the form's answer, the session lives on. */
const FORM_ANSWER_CODES = new Set(['INVALID_CREDENTIALS', 'MFA_REQUIRED']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('x-clinicdesk-csrf', '1');
    const locationId = getSelectedLocation();
    if (locationId && !request.headers.has('x-location-id')) request.headers.set('x-location-id', locationId);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 && response.status !== 400) return response;
    const body = await response
      .clone()
      .json()
      .catch(() => null);
    const problem = toProblem(body, response.status);
    if (response.status === 401 && !SIGN_IN_PATHS.has(new URL(request.url).pathname) && !FORM_ANSWER_CODES.has(problem.code))
      reportUnauthorized(problem.code);
    // The remembered location was deleted or belongs to another practice: forget it.
    if (problem.errors?.some((e) => e.path === 'headers.x-location-id')) setSelectedLocation(null);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(sessionMiddleware);

/** The data of a successful call, or an ApiError carrying the problem body. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(toProblem(error, response.status) as Problem);
  return data as T;
}
