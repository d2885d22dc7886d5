import { z } from "zod";
import { labelled, nfkc } from "../schemas";
import { warningColors } from "../projects/stages";

const shanghaiDay = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
const aYearFrom = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/**
 * A manager's override of a project's colour (SPEC §5): the colour, why, and its last day
 * (inclusive: from today to a year ahead).
 */
export const warningOverrideSchema = labelled(
  "warningOverride",
  z.object({
    color: z.enum(warningColors, "validation.warningColor"),
    reason: z.string("validation.required").trim().min(1, "validation.required").max(500),
    until: z.preprocess(
      nfkc,
      z
        .string("validation.required")
        .trim()
        .min(1, "validation.required")
        .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
        .refine(
          (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
          "validation.date",
        )
        .refine((v) => v >= shanghaiDay(), "validation.overrideUntilPast")
        .refine((v) => v <= aYearFrom(shanghaiDay()), "validation.overrideUntilYear"),
    ),
    version: z.coerce.number().int().min(1).optional(),
  }),
);
export type WarningOverrideInput = z.input<typeof warningOverrideSchema>;
