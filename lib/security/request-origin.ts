// Cross-site request checks (OWASP ASVS 5.0 §3.5), pure. A state-changing request that a
// browser sends with the session cookie must come from the app's own pages: its Origin
// (or, where a browser leaves Origin out, its Referer) must be one of the app's origins —
// NEXTAUTH_URL's, plus TRUSTED_ORIGINS for the names a reverse proxy serves it under.
// SameSite=Lax alone lets same-site pages through (another port on the host, a sibling
// subdomain of the intranet).

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const isUnsafeMethod = (method: string) => unsafeMethods.has(method.toUpperCase());

/** "http://host:port" of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

export type OriginVerdict = { ok: true } | { ok: false; reason: "missing" | "foreign"; seen: string | null };

/** Whether the request's Origin, else its Referer, is one of `allowed` (origins). */
export function checkRequestOrigin(
  headers: { origin: string | null; referer: string | null },
  allowed: readonly string[],
): OriginVerdict {
  const seen = headers.origin && headers.origin !== "null" ? originOf(headers.origin) : originOf(headers.referer);
  if (!seen) return { ok: false, reason: "missing", seen: headers.origin };
  return allowed.includes(seen) ? { ok: true } : { ok: false, reason: "foreign", seen };
}

/** Content types a cookie-authenticated API request may carry a body in (never text/plain or a form). */
export function isAcceptedBodyType(contentType: string | null): boolean {
  if (!contentType) return true;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "application/json" || type === "multipart/form-data";
}
