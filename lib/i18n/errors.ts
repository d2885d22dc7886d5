import type { AppError, ErrorCode, FieldErrors } from "../errors";
import type { Locale } from "./config";
import { hasMessage, translate } from "./translate";

export type LocalizedError = { code: ErrorCode; message: string; fields?: FieldErrors; details?: unknown };

/**
 * An AppError as the user reads it, for the API body and for server-action results:
 * the code's message, and field messages given as catalogue keys turned into text.
 */
export function localizeError(
  err: Pick<AppError, "code" | "fields" | "params" | "details">,
  locale: Locale,
): LocalizedError {
  const message = translate(locale, `errors.${err.code}`, err.params);
  const extra = err.details === undefined ? {} : { details: err.details };
  if (!err.fields) return { code: err.code, message, ...extra };
  const fields = Object.fromEntries(
    Object.entries(err.fields).map(([k, v]) => [k, hasMessage(locale, v) ? translate(locale, v) : v]),
  );
  return { code: err.code, message, fields, ...extra };
}
