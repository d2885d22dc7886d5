import { z } from "zod";
import { blankToUndefined, labelled, nfkc } from "../schemas";
import { isMonday } from "./week";

/** A week by its Monday ("YYYY-MM-DD", Asia/Shanghai). */
const weekStartField = z.preprocess(
  nfkc,
  z
    .string("validation.required")
    .trim()
    .refine(isMonday, "validation.weekStartMonday")
    // As every date of the app: year 1 or 9999 is a typing slip, not a week to report on.
    .refine((v) => v >= "1900-01-01" && v <= "2100-12-31", "validation.dateRange"),
);

export const generateBulletinSchema = labelled("bulletin", z.object({ weekStart: weekStartField }));

export const previewBulletinSchema = labelled(
  "bulletin",
  z.object({ weekStart: z.preprocess(blankToUndefined, weekStartField.optional()) }),
);

export const listBulletinsSchema = labelled(
  "bulletin",
  z.object({
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);
