import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";
import { defaultLocale, type Locale } from "./i18n/config";
import { hasMessage, translate } from "./i18n/translate";

const zodLocales = { "zh-CN": z.locales.zhCN(), en: z.locales.en() } as const;

/**
 * Field-level messages of a zod error in the user's language. Schemas give their own
 * messages as catalogue keys (e.g. "validation.username"); anything else comes from
 * zod's own locale.
 */
export function fieldErrors(error: z.ZodError, locale: Locale = defaultLocale): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    if (fields[path]) continue;
    fields[path] = hasMessage(locale, issue.message) ? translate(locale, issue.message) : issue.message;
  }
  return fields;
}

/** Parses input at a server boundary; bad input throws VALIDATION with field messages. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale = defaultLocale,
): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (!result.success) throw new AppError("VALIDATION", { fields: fieldErrors(result.error, locale) });
  return result.data;
}
