// Field-level messages written for people, from the catalogue, in the reader's language:
// "请填写项目名称" / "Enter the project name". Pure, so that the server (parseInput, API
// errors) and the browser (the forms' resolver) build the same text from the same schema.
import type { z } from "zod";

export type MessageParams = Record<string, string | number>;

/**
 * A field's message before it is put into words: a catalogue key, the numbers of the rule
 * (`max`, `min`) and the label namespace of the schema it came from. A bare string is a key
 * (or, when the catalogue has no such key, text already written).
 */
export type FieldMessage = string | { key: string; params?: MessageParams; labels?: string };

/** Field messages by field path ("name", "contacts.0.name"; "_" for the input as a whole). */
export type FieldMessages = Record<string, FieldMessage>;

/** What the wording needs from a catalogue: next-intl's `t` in the browser, `translate` on the server. */
export type Catalogue = { has(key: string): boolean; t(key: string, params?: MessageParams): string };

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/**
 * The catalogue key for an issue whose schema gave no message of its own: zod's error map
 * (passed as `error` to every parse), so that no parser text ("Invalid input: expected
 * string, received undefined") ever reaches a person.
 */
export function issueKey(iss: Issue): string {
  const input = (iss as { input?: unknown }).input;
  const missing = input === undefined || input === null || input === "";
  switch (iss.code) {
    case "invalid_type":
      if (missing)
        return iss.expected === "string" || iss.expected === "number" ? "validation.required" : "validation.choose";
      return iss.expected === "number" || iss.expected === "int" ? "validation.number" : "validation.invalid";
    case "invalid_value":
    case "invalid_union":
      return missing ? "validation.choose" : "validation.choice";
    case "too_big":
      if (iss.origin === "string") return "validation.tooLong";
      if (iss.origin === "array" || iss.origin === "set") return "validation.tooMany";
      return "validation.max";
    case "too_small":
      if (iss.origin === "string") return Number(iss.minimum) <= 1 ? "validation.required" : "validation.tooShort";
      if (iss.origin === "array" || iss.origin === "set") return "validation.tooFew";
      return "validation.min";
    case "not_multiple_of":
      return "validation.integer";
    case "unrecognized_keys":
      return "validation.unknownField";
    default:
      return "validation.invalid";
  }
}

/** The numbers a rule's message names ("不超过 {max} 个字"). */
export function issueParams(iss: Issue): MessageParams | undefined {
  const p: MessageParams = {};
  if ("maximum" in iss && iss.maximum !== undefined) p.max = Number(iss.maximum);
  if ("minimum" in iss && iss.minimum !== undefined) p.min = Number(iss.minimum);
  return Object.keys(p).length ? p : undefined;
}

/** The path of an issue as the field's name: "contacts.0.name", or "_" for the whole input. */
export const issuePath = (path: readonly PropertyKey[]) => path.map(String).join(".") || "_";

/** One message per field (the first issue of each) from a zod error. */
export function fieldMessagesOf(issues: readonly z.core.$ZodIssue[], labels?: string): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of issues) {
    const path = issuePath(issue.path);
    if (fields[path]) continue;
    fields[path] = { key: issue.message, params: issueParams(issue), labels };
  }
  return fields;
}

/**
 * The field's label: `fields.<labels>.<path>` (indexes dropped, parts joined by "_"), then
 * its last part, then the same under `fields.common`; "this field" when nothing matches
 * (a test walks every schema and fails on that).
 */
export function fieldLabel(cat: Catalogue, path: string, labels?: string): string {
  const key = fieldLabelKey(cat, path, labels);
  return cat.t(key ?? "fields.common._");
}

export function fieldLabelKey(cat: Catalogue, path: string, labels?: string): string | undefined {
  const parts = path.split(".").filter((s) => s !== "_" && !/^\d+$/.test(s));
  if (parts.length === 0) return "fields.common._";
  const joined = parts.join("_");
  const last = parts[parts.length - 1];
  const spaces = labels ? [labels, "common"] : ["common"];
  for (const ns of spaces)
    for (const k of [joined, last]) {
      const key = `fields.${ns}.${k}`;
      if (cat.has(key)) return key;
    }
  return undefined;
}

/** A field message in words. */
export function fieldText(cat: Catalogue, path: string, message: FieldMessage): string {
  const m = typeof message === "string" ? { key: message } : message;
  if (!cat.has(m.key)) return m.key;
  return cat.t(m.key, { field: fieldLabel(cat, path, m.labels), ...m.params });
}
