import type { z } from "zod";
import { AppError } from "./errors";
import { fieldMessagesOf, issueKey } from "./i18n/field-messages";
import { labelsOf } from "./schemas";

/**
 * Parses input at a server boundary; bad input throws VALIDATION with one message per
 * field as catalogue keys (the schema's own, else the rule's: lib/i18n/field-messages.ts),
 * put into words in the caller's language where the error is answered.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: issueKey });
  if (!result.success)
    throw new AppError("VALIDATION", { fields: fieldMessagesOf(result.error.issues, labelsOf(schema)) });
  return result.data;
}
