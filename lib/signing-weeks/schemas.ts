import { z } from "zod";
import { idRef, labelled, optionalText, requiredDate, versionField } from "../schemas";

// Inputs of 签约周 (SPEC §7, §10). Pure: the pages' forms check the same rules.

const eventShape = {
  name: z.string("validation.required").trim().min(1, "validation.required").max(100),
  startDate: requiredDate,
  endDate: requiredDate,
  note: optionalText(2000),
};

function datesInOrder(v: { startDate?: Date; endDate?: Date }, ctx: z.RefinementCtx) {
  // Checked only when both dates parsed (the refinement also sees input that failed them).
  if (!(v.startDate instanceof Date) || !(v.endDate instanceof Date)) return;
  if (v.endDate < v.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.signingWeekDates" });
  else if (v.endDate.getTime() - v.startDate.getTime() > 30 * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.signingWeekLength" });
}

/** POST /api/v1/signing-weeks: `{"name", "startDate", "endDate"}` (at most 31 days). */
export const signingWeekSchema = labelled("signingWeek", z.object(eventShape).superRefine(datesInOrder));
export type SigningWeekInput = z.input<typeof signingWeekSchema>;

/** PATCH /api/v1/signing-weeks/{id}: the fields given, with `version`. */
export const patchSigningWeekSchema = labelled(
  "signingWeek",
  z
    .object({
      name: eventShape.name.optional(),
      startDate: eventShape.startDate.optional(),
      endDate: eventShape.endDate.optional(),
      note: eventShape.note,
      version: versionField,
    })
    .superRefine(datesInOrder),
);

/** POST …/candidates: a project added by hand, or `proposed: true` when taken from the proposal. */
export const addCandidateSchema = labelled(
  "signingWeek",
  z.object({ projectId: idRef, proposed: z.boolean().optional(), version: versionField }),
);

/** PATCH …/candidates/{projectId}: confirm (or take back the confirmation). */
export const confirmCandidateSchema = labelled(
  "signingWeek",
  z.object({ confirmed: z.boolean("validation.choose"), version: versionField }),
);

/** DELETE …/candidates/{projectId}: `{"version"}`. */
export const removeCandidateSchema = labelled("signingWeek", z.object({ version: versionField }));
