import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, resolveLocale, timeZone } from "./config";
import { catalogues } from "./translate";

// No locale in the URL: the language is a per-browser choice kept in a cookie.
export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(localeCookie)?.value);
  return { locale, messages: catalogues[locale], timeZone };
});
