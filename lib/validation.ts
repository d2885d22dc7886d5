import type { z } from "zod";
import { AppError } from "./errors";
import { fieldMessagesOf, issueKey } from "./i18n/field-messages";
import { labelsOf } from "./schemas";
import { withoutInvisible } from "./text";

/**
 * Parses input at a server boundary (NUL and lone surrogates refused, invisible characters
 * removed first); bad input throws VALIDATION with one message per
 * field as catalogue keys (the schema's own, else the rule's: lib/i18n/field-messages.ts),
 * put into words in the caller's language where the error is answered.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const bad = unreadableText(input);
  if (bad !== null)
    throw new AppError("VALIDATION", { fields: { [bad]: "validation.characters" }, labels: labelsOf(schema) });
  // Invisible characters go before the rules see the text: a name of only U+200B is blank.
  const result = schema.safeParse(withoutInvisible(input), { error: issueKey });
  if (!result.success)
    throw new AppError("VALIDATION", { fields: fieldMessagesOf(result.error.issues, labelsOf(schema)) });
  return result.data;
}

/**
 * Text that no field may hold: NUL (PostgreSQL refuses it) and lone UTF-16 surrogates (not
 * characters at all). The path of the first such string in the input, or null.
 */
export function unreadableText(input: unknown, path = "", depth = 0): string | null {
  if (typeof input === "string") return hasUnreadable(input) ? path || "_" : null;
  if (depth > 8 || input === null || typeof input !== "object") return null;
  for (const [k, v] of Object.entries(input)) {
    if (hasUnreadable(k)) return path || "_";
    const found = unreadableText(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const hasUnreadable = (s: string) => s.includes("\u0000") || !s.isWellFormed();
