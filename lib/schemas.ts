import { z } from "zod";

// Building blocks shared by the input schemas of every area.

const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);

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
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "validation.date")
  .transform((v) => new Date(`${v}T00:00:00Z`));

export const optionalDate = z.preprocess(blank, dateString.optional());
export const nullableDate = z.preprocess((v) => (v === "" ? null : v), dateString.nullable().optional());

export const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

export const idRef = z.string().trim().min(1, "validation.required").max(60);
