// Characters that are there but cannot be seen: zero-width spaces and joiners, word joiners,
// the byte-order mark, soft hyphens, and the bidi controls that reorder what follows
// ("evil_\u202eFDP.txt" shows as "evil_txt.PDF"). Pasted from documents or typed to deceive,
// they defeat duplicate detection and make names that look blank. Pure.
const invisible = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export const stripInvisible = (s: string) => s.replace(invisible, "");

/** Every string in a JSON-like input without invisible characters (keys kept). */
export function withoutInvisible<T>(input: T, depth = 0): T {
  if (typeof input === "string") return stripInvisible(input) as T;
  if (depth > 8 || input === null || typeof input !== "object") return input;
  if (Array.isArray(input)) return input.map((v) => withoutInvisible(v, depth + 1)) as T;
  // Plain objects only (from any realm: JSON bodies are parsed outside the caller's), not Dates or Files.
  const proto = Object.getPrototypeOf(input);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, withoutInvisible(v, depth + 1)])) as T;
}
