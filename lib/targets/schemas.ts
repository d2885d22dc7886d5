import { z } from "zod";
import { blankToUndefined, decimalOf, labelled, versionField } from "../schemas";
import { isCountIndicator, isWhole, quartersAddUp, spreadQuarters, targetIndicators, targetUnits } from "./indicators";

// Inputs of 年度目标 (SPEC §8, §10 target PUT). Pure: the page's form checks the same rules.

/** A year of targets and reports: 2000–2100. */
export const targetYear = z.coerce
  .number("validation.targetYear")
  .int("validation.targetYear")
  .min(2000, "validation.targetYear")
  .max(2100, "validation.targetYear");

/** `?year=` of GET /api/v1/targets and of the dashboard (absent: this year in Shanghai). */
export const yearQuery = labelled("target", z.object({ year: z.preprocess(blankToUndefined, targetYear.optional()) }));

/** A target figure: non-negative, two decimals at most, within Decimal(14, 2). */
const figure = decimalOf(12);

const itemSchema = z.object({
  unit: z.enum(targetUnits, "validation.choice"),
  /** The user's or park's id; null (or absent) for the district. */
  unitId: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  indicator: z.enum(targetIndicators, "validation.choice"),
  annual: figure,
  /** Four quarters adding up to the annual target; absent: spread evenly. */
  quarters: z.preprocess(
    (v) => (v === null ? undefined : v),
    z.array(figure).length(4, "validation.quarters4").optional(),
  ),
});

/**
 * The target PUT body: the year, its items (each unit × indicator at most once), and from the
 * second save the year's `version`. Counts are whole numbers; quarters add up to the annual.
 * The output has every item's four quarters (spread evenly where none were sent).
 */
export const saveTargetsSchema = labelled(
  "target",
  z
    .object({
      year: targetYear,
      items: z.array(itemSchema).min(1).max(2000),
      version: z.preprocess(blankToUndefined, versionField.optional()),
    })
    .superRefine((body, ctx) => {
      const seen = new Set<string>();
      body.items.forEach((item, i) => {
        const at = (field: string, message: string) =>
          ctx.addIssue({ code: "custom", path: ["items", i, field], message });
        if (item.unit === "DISTRICT" && item.unitId) at("unitId", "validation.targetDistrictId");
        if (item.unit !== "DISTRICT" && !item.unitId) at("unitId", "validation.choose");
        // zod runs this refinement also when a field failed: check only what parsed.
        const figures = [item.annual, ...(item.quarters ?? [])];
        if (!figures.every((f) => typeof f === "string" && /^\d+\.\d{2}$/.test(f))) return;
        const count = isCountIndicator(item.indicator);
        if (count && !isWhole(item.annual)) at("annual", "validation.integer");
        if (item.quarters) {
          if (count && item.quarters.some((q) => !isWhole(q))) at("quarters", "validation.integer");
          else if (!quartersAddUp(item.annual, item.quarters)) at("quarters", "validation.quartersSum");
        }
        const key = `${item.unit}:${item.unitId ?? ""}:${item.indicator}`;
        if (seen.has(key)) at("indicator", "validation.targetTwice");
        seen.add(key);
      });
    })
    .transform((body) => ({
      ...body,
      items: body.items.map((item) => ({
        unit: item.unit,
        unitId: item.unit === "DISTRICT" ? "" : item.unitId!,
        indicator: item.indicator,
        annual: item.annual,
        quarters: item.quarters ?? spreadQuarters(item.annual, isCountIndicator(item.indicator)),
      })),
    })),
);
export type SaveTargetsInput = z.input<typeof saveTargetsSchema>;
export type SaveTargetsData = z.output<typeof saveTargetsSchema>;
export type TargetItemData = SaveTargetsData["items"][number];
