import { z } from "zod";

// Building blocks shared by the input schemas of every area.

/** An empty form value ("" or null) as absent. */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const blank = blankToUndefined;

/** "true"/"false", "1"/"0" or a boolean; blank is absent. */
export const optionalBool = z.preprocess(
  (v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : blankToUndefined(v)),
  z.boolean().optional(),
);

/** The `version` a change was made from (optimistic locking). */
export const versionField = z.coerce.number().int().min(1, "validation.version");

/** A fixed code of reference data: upper-case letters, digits and underscores. */
export const codeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "validation.typeCode");

/** Money and quantities: a decimal string with at most 2 decimals (never a float). */
export const decimalString = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim().replace(/,/g, "")))
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v), "validation.decimal")
  .transform((v) => {
    const [i, f = ""] = v.split(".");
    return `${i.replace(/^0+(?=\d)/, "")}.${f.padEnd(2, "0")}`;
  });

export const optionalDecimal = z.preprocess(blank, decimalString.optional());

/** A calendar date "YYYY-MM-DD" (Asia/Shanghai), stored as that date at 00:00 UTC. */
export const dateString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "validation.date",
  )
  .transform((v) => new Date(`${v}T00:00:00Z`));

export const optionalDate = z.preprocess(blank, dateString.optional());
export const nullableDate = z.preprocess((v) => (v === "" ? null : v), dateString.nullable().optional());

export const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

export const idRef = z.string().trim().min(1, "validation.required").max(60);
