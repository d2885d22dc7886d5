import { env } from "../env";
import { originOf } from "./request-origin";

/** The origins the app's pages are served from: NEXTAUTH_URL's, and TRUSTED_ORIGINS (reverse proxies). */
export function appOrigins(): string[] {
  const e = env();
  const own = originOf(e.NEXTAUTH_URL) ?? `http://localhost:${e.PORT}`;
  const more = e.TRUSTED_ORIGINS.split(",")
    .map((s) => originOf(s.trim()))
    .filter((o): o is string => o !== null);
  return [own, ...more];
}
