import { z } from "zod";
import { labelled } from "../schemas";
import { supervisionSettingsSchema } from "./settings-schema";

/** Every value of 督办规则 (its keys, in the order the page shows them). */
export const supervisionSettingKeys = Object.keys(supervisionSettingsSchema.shape) as (keyof z.infer<
  typeof supervisionSettingsSchema
>)[];

/**
 * 管理员 → 督办规则 and PUT /api/v1/settings/supervision: every value with the stored
 * `version` (409 when stale). Each value's range and the rules between them (yellow below
 * red; reply ≤ resolve ≤ longest) are those of supervisionSettingsSchema, reported at the
 * field they concern.
 */
export const updateSupervisionSettingsSchema = labelled(
  "supervisionSettings",
  z
    .object({ ...supervisionSettingsSchema.shape, version: z.coerce.number().int().min(0).max(1_000_000_000) })
    .superRefine((values, ctx) => {
      const checked = supervisionSettingsSchema.safeParse(values);
      if (checked.success) return;
      for (const issue of checked.error.issues)
        if (issue.code === "custom") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }),
);
