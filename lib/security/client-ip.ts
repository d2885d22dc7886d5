// The client's address (for the security log and the per-address login limit), pure.
// `npm start`'s server (scripts/serve.ts) replaces X-Forwarded-For with the one address it
// trusts: the socket's peer, or — behind TRUST_PROXY reverse proxies — the address the
// outermost trusted proxy saw. A client cannot choose its own address by sending the header.

/**
 * The client address from the socket's peer and the X-Forwarded-For chain, trusting
 * `trustedHops` proxies in front of the app (0: the app faces clients directly).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...chain, socketAddress ?? ""].filter(Boolean);
  if (hops.length === 0) return "";
  // The last entry is the socket's peer; each trusted proxy adds the one before it.
  const i = Math.max(0, hops.length - 1 - Math.max(0, trustedHops));
  return normalizeAddress(hops[i]);
}

/** "::ffff:127.0.0.1" → "127.0.0.1". */
export function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 100);
}

/** The address a request carries after the app's server set it (first X-Forwarded-For entry). */
export function requestAddress(
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined,
): string | null {
  if (!headers) return null;
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown>)["x-forwarded-for"];
  const first = typeof raw === "string" ? raw.split(",")[0].trim() : "";
  return first ? normalizeAddress(first) : null;
}
