import type { FieldMessages } from "./i18n/field-messages";

// One error type for every business and access failure; codes map to HTTP statuses
// and to catalogue messages (errors.<code>) in one place.
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  /** Near-matching enterprises or projects exist: `details` lists them, the user chooses. */
  DUPLICATE_SUSPECTED: 409,
  ACCOUNT_LOCKED: 423,
  /** A cookie-authenticated change sent from another origin (CSRF). */
  CROSS_SITE: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Over a rate limit; `params.retryAfter` seconds. */
  RATE_LIMITED: 429,
  RULE: 422,
  /** The database cannot be reached (stopped, restarting): try again shortly. */
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus | `RULE_${string}`;

/** Field messages as catalogue keys (lib/i18n/field-messages.ts), worded where the error is answered. */
export type FieldErrors = FieldMessages;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** The catalogue section naming the fields (`fields.<labels>.*`) for messages given as bare keys. */
  readonly labels?: string;
  readonly params?: Record<string, string | number>;
  /** Data the caller needs to resolve the refusal (e.g. the matches of a suspected duplicate). */
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    opts: {
      fields?: FieldErrors;
      labels?: string;
      message?: string;
      params?: Record<string, string | number>;
      details?: unknown;
    } = {},
  ) {
    super(opts.message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.labels = opts.labels;
    this.params = opts.params;
    this.details = opts.details;
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export function statusOf(code: ErrorCode): number {
  if (code.startsWith("RULE_")) return errorStatus.RULE;
  return errorStatus[code as keyof typeof errorStatus] ?? 500;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
