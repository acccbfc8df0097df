/**
 * The one error type of the domain. Each code is a stable public contract:
 * clients match on `code`, never on the message. The HTTP mapping lives in
 * apps/server/src/plugins/errors.ts and nowhere else.
 */
export const ERROR_CODES = {
  /** Input failed validation; `errors` names each field. */
  VALIDATION_FAILED: { status: 400, title: 'Invalid request' },
  /** No valid session or bearer token. */
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  /** Login failed: unknown user and wrong password answer the same. */
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid email or password' },
  /** Password was right but a TOTP code is needed (or was wrong). */
  MFA_REQUIRED: { status: 401, title: 'A one-time code is required' },
  /** The session ended by idle timeout, absolute lifetime or logout. */
  SESSION_EXPIRED: { status: 401, title: 'Session expired' },
  /** Authenticated, but the role does not grant the route's permission. */
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  /** A cookie-authenticated state change failed the same-origin check. */
  CSRF_REJECTED: { status: 403, title: 'Cross-site request refused' },
  /** The object does not exist, or the actor may not know it exists. */
  NOT_FOUND: { status: 404, title: 'Not found' },
  /** The state of the object forbids this change. */
  CONFLICT: { status: 409, title: 'Conflict' },
  /** The encounter's note is signed: it changes only by addendum. */
  NOTE_SIGNED: { status: 409, title: 'The note is signed; add an addendum instead' },
  /** The location's day is closed (daily close): nothing may be dated into it; `errors` names the date field. */
  DAY_CLOSED: { status: 409, title: 'The day is closed at this location' },
  /** Creating this would duplicate an existing record. */
  ALREADY_EXISTS: { status: 409, title: 'Already exists' },
  /** A similar patient exists; re-send with confirmation to create anyway. */
  POSSIBLE_DUPLICATE: { status: 409, title: 'Possible duplicate patient' },
  /** The appointment slot overlaps another active booking. */
  SLOT_TAKEN: { status: 409, title: 'Slot taken' },
  /** The provider's licence for the location's state has expired by the visit's day; `credential` names it. */
  PROVIDER_NOT_CREDENTIALED: { status: 409, title: 'The provider is not credentialed for that day' },
  /** The room is blocked by an out-of-service equipment fault; `fault` names it. */
  ROOM_OUT_OF_SERVICE: { status: 409, title: 'The room is out of service' },
  /** The status change is not allowed from the current status. */
  ILLEGAL_TRANSITION: { status: 409, title: 'Illegal status transition' },
  /**
   * A break-glass grant that renews an unreviewed one (same user and record, within 24 h)
   * without `renewal: true` and a longer reason; `errors` names `reason`. Nothing was granted.
   */
  BREAK_GLASS_RENEWAL_UNREVIEWED: { status: 409, title: 'Renewing break-glass access needs a review or a renewal reason' },
  /** An Idempotency-Key already used for a request with a different body; nothing was done. */
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used for a different request' },
  /** The card processor declined the card: nothing was charged and nothing was posted. */
  CARD_DECLINED: { status: 402, title: 'The card was declined' },
  /** A well-formed file whose content cannot be used as it is (e.g. an 835 whose totals do not balance); nothing changed. */
  UNPROCESSABLE: { status: 422, title: 'The file cannot be processed' },
  /** If-Match did not match the current version. */
  VERSION_MISMATCH: { status: 412, title: 'The record was changed by someone else' },
  /** An update needs If-Match. */
  PRECONDITION_REQUIRED: { status: 428, title: 'If-Match header required' },
  /** Body larger than the limit. */
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  /** Media type not accepted (uploads). */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  /** Too many attempts; see Retry-After. */
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  /** A stored file no longer matches its recorded hash. */
  INTEGRITY_FAILURE: { status: 500, title: 'Stored data failed its integrity check' },
  /** The database cannot be reached. */
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  /** Anything unexpected. Details are logged, never sent. */
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** Extra members of the problem document (e.g. duplicate candidates). */
  readonly extra: Record<string, unknown> | undefined;
  /** Extra response headers (e.g. Retry-After). */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', `${what} not found`);
export const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ path, message }] });

/** PostgreSQL's unique_violation (23505): a concurrent writer took the value a pre-check found free. */
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: string } | null)?.code === '23505';
