import { z } from "zod";
import { blankToUndefined } from "../schemas";
import { isMonday } from "./week";

/** A week by its Monday ("YYYY-MM-DD", Asia/Shanghai). */
export const weekStartField = z.string("validation.required").trim().refine(isMonday, "validation.weekStartMonday");

export const generateBulletinSchema = z.object({ weekStart: weekStartField });

export const previewBulletinSchema = z.object({ weekStart: z.preprocess(blankToUndefined, weekStartField.optional()) });

export const listBulletinsSchema = z.object({
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
});
