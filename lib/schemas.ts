import { z } from "zod";
import { parseWanInput } from "./format";

// Building blocks shared by the input schemas of every area. Messages are catalogue keys
// (lib/i18n/messages); a rule without one gets the rule's key from lib/i18n/field-messages.ts.

const labelRegistry = z.registry<{ labels: string }>();

/**
 * Names the catalogue section of a schema's field labels (`fields.<labels>.<field>`), so
 * that its messages name the field: "请填写项目名称". Every schema a boundary parses has one.
 */
export function labelled<S extends z.ZodType>(labels: string, schema: S): S {
  labelRegistry.add(schema, { labels });
  return schema;
}

export const labelsOf = (schema: z.ZodType) => labelRegistry.get(schema)?.labels;

/**
 * The fields of an object schema that a blank value ("") does not satisfy: a form marks
 * them required (asterisk and aria-required) from the same schema that checks them.
 */
export function requiredFields(schema: z.ZodType): ReadonlySet<string> {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return new Set(Object.keys(shape).filter((k) => !shape[k].safeParse("").success));
}

/**
 * Text people paste from documents, in codes, numbers and dates: full-width digits, letters
 * and signs (１２３，ＡＢＣ，２０２６－０３－０１) become their ASCII forms (NFKC). Prose is left alone.
 */
export const nfkc = (v: unknown) => (typeof v === "string" ? v.normalize("NFKC") : v);

/** A type error's message: "请填写…" when nothing was given, else the rule's own key. */
export const orRequired = (key: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? "validation.required" : key),
});

/** An empty form value ("" or null) as absent. */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const blank = blankToUndefined;

/** "true"/"false", "1"/"0" or a boolean; blank is absent. */
export const optionalBool = z.preprocess(
  (v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : blankToUndefined(v)),
  z.boolean().optional(),
);

/** The `version` a change was made from (optimistic locking). */
export const versionField = z.coerce
  .number("validation.version")
  .int("validation.version")
  .min(1, "validation.version");

/** A fixed code of reference data: upper-case letters, digits and underscores. */
export const codeField = z.preprocess(
  nfkc,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "validation.typeCode"),
);

/**
 * Money and quantities: a decimal string with at most 2 decimals (never a float) that fits
 * its column: `integerDigits` 12 for Decimal(14, 2), 10 for Decimal(12, 2).
 */
export const decimalOf = (integerDigits: number, { units = false }: { units?: boolean } = {}) =>
  z
    .union([z.string(), z.number()], orRequired("validation.decimal"))
    // Money fields read what people type (1.2亿, 12000万, 12,000; lib/format.ts); others a plain number.
    .transform((v) =>
      typeof v === "number"
        ? String(v)
        : units
          ? (parseWanInput(v) ?? v)
          : v.normalize("NFKC").trim().replace(/,/g, ""),
    )
    .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), "validation.decimal")
    .transform((v) => {
      const [i, f = ""] = v.split(".");
      return `${i.replace(/^0+(?=\d)/, "")}.${f.padEnd(2, "0")}`;
    })
    .refine((v) => v.indexOf(".") <= integerDigits, "validation.decimalTooLarge");

/** Money in 万元 (Decimal(14, 2)): "1.2亿" is 12000.00. */
export const decimalString = decimalOf(12, { units: true });

export const optionalDecimal = z.preprocess(blank, decimalString.optional());

/** A calendar date "YYYY-MM-DD" (Asia/Shanghai), stored as that date at 00:00 UTC. */
export const dateString = z.preprocess(
  nfkc,
  z
    .string(orRequired("validation.date"))
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      "validation.date",
    )
    // A project's dates fall within living memory; year 0 or 9999 is a typing slip.
    .refine((v) => v >= "1900-01-01" && v <= "2100-12-31", "validation.dateRange")
    .transform((v) => new Date(`${v}T00:00:00Z`)),
);

/** Today in Asia/Shanghai, "YYYY-MM-DD" (the bureau's calendar day, in the browser too). */
const shanghaiDay = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** A date of something that has happened (签约, 开工, a visit): not after today. */
export const pastDate = dateString.refine((d) => d.toISOString().slice(0, 10) <= shanghaiDay(), "validation.notFuture");

/** A date that must be given: blank is "请填写…". */
export const requiredDate = z.preprocess(blank, dateString);
export const optionalDate = z.preprocess(blank, dateString.optional());
export const requiredPastDate = z.preprocess(blank, pastDate);
export const optionalPastDate = z.preprocess(blank, pastDate.optional());
export const nullablePastDate = z.preprocess((v) => (v === "" ? null : v), pastDate.nullable().optional());
export const nullableDate = z.preprocess((v) => (v === "" ? null : v), dateString.nullable().optional());

export const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

/** The id (or code) of a record chosen from a list. */
export const idRef = z.string("validation.choose").trim().min(1, "validation.choose").max(60, "validation.choose");
