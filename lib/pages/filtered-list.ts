import "server-only";
import { getLocale } from "next-intl/server";
import { isAppError } from "../errors";
import { resolveLocale } from "../i18n/config";
import { localizeError } from "../i18n/errors";
import { translate } from "../i18n/translate";

/**
 * A list page's query from its URL. Bad filters (a shared or hand-edited link) are named
 * with their field messages above the list, which then shows everything; any other
 * error goes to the error page. The one way list pages treat their URL.
 */
export async function listWithFilterNote<T>(
  run: (query: Record<string, unknown>) => Promise<T>,
  query: Record<string, unknown>,
): Promise<{ result: T; filterError: string | null }> {
  try {
    return { result: await run(query), filterError: null };
  } catch (e) {
    if (!isAppError(e) || e.code !== "VALIDATION") throw e;
    const locale = resolveLocale(await getLocale());
    const fields = Object.values(localizeError(e, locale).fields ?? {});
    const filterError = translate(locale, "common.badFilter", { fields: fields.join(locale === "en" ? "; " : "；") });
    return { result: await run({}), filterError };
  }
}
