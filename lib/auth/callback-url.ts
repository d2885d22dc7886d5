/**
 * Where to go after signing in: the callback resolved against the app's own origin, kept
 * only when it stays on that origin — so "/\\host", "/\t/host", "//host", "https://host" and
 * "javascript:" all fall back to the home page (no open redirect). Pure; the login form
 * passes `window.location.origin`.
 */
export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  if (!raw || !raw.startsWith("/")) return "/";
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin) return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
