import type { AppError, ErrorCode } from "../errors";
import type { Locale } from "./config";
import { fieldText } from "./field-messages";
import { catalogueOf, translate } from "./translate";

export type LocalizedError = { code: ErrorCode; message: string; fields?: Record<string, string>; details?: unknown };

/**
 * An AppError as the user reads it, for the API body and for server-action results:
 * the code's message, and each field's message in words ("请填写项目名称").
 */
export function localizeError(
  err: Pick<AppError, "code" | "fields" | "params" | "details" | "labels">,
  locale: Locale,
): LocalizedError {
  const message = translate(locale, `errors.${err.code}`, err.params);
  const extra = err.details === undefined ? {} : { details: err.details };
  if (!err.fields) return { code: err.code, message, ...extra };
  const cat = catalogueOf(locale);
  const fields = Object.fromEntries(
    Object.entries(err.fields).map(([path, m]) => [
      path,
      fieldText(
        cat,
        path,
        typeof m === "string"
          ? { key: m, params: err.params, labels: err.labels }
          : { labels: err.labels, ...m, params: { ...err.params, ...m.params } },
      ),
    ]),
  );
  return { code: err.code, message, fields, ...extra };
}
