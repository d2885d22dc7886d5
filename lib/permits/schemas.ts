import { z } from "zod";
import { caseStates } from "./permit-machine";
import {
  blankToUndefined,
  codeField,
  dateString,
  idRef,
  nullableDate,
  optionalBool,
  optionalDecimal,
  requiredDate,
  versionField,
  labelled,
} from "../schemas";

export { caseStates, itemStates } from "./permit-machine";

const text = (max: number) => z.string().trim().max(max).default("");

/** 一表申请: the one application form every department reads. */
export const applicationSchema = labelled(
  "permitCase",
  z.object({
    applicant: z.string().trim().min(1, "validation.required").max(100),
    landParcel: text(100),
    floorArea: z.preprocess((v) => (v === "" ? null : v), optionalDecimal.nullable()),
    buildingUse: text(100),
    designUnit: text(100),
    constructionUnit: text(100),
    plannedStartDate: nullableDate,
    contactPerson: text(50),
    contactPhone: text(30),
    description: text(2000),
    fastTrack: z.boolean().default(false),
  }),
);
export type ApplicationInput = z.input<typeof applicationSchema>;

export const updateApplicationSchema = labelled(
  "permitCase",
  applicationSchema.partial().extend({ version: versionField }),
);

/** What a submission needs filled in (the departments review from these). */
export const requiredToSubmit = [
  "applicant",
  "landParcel",
  "floorArea",
  "buildingUse",
  "designUnit",
  "constructionUnit",
  "plannedStartDate",
] as const;

export const versionSchema = labelled("permitCase", z.object({ version: versionField }));

export const decisionSchema = labelled(
  "permitItem",
  z.discriminatedUnion(
    "action",
    [
      z.object({
        action: z.literal("APPROVE"),
        certificateNo: z.string().trim().min(1, "validation.required").max(60),
        certificateDate: requiredDate,
        note: text(1000),
        version: versionField,
      }),
      z.object({
        action: z.literal("RETURN"),
        // One line per missing document or correction (补正材料清单).
        missing: z.preprocess(
          (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
          z
            .array(z.string().trim().max(200))
            .transform((a) => a.filter(Boolean))
            .pipe(z.array(z.string()).min(1, "validation.missingList").max(30)),
        ),
        note: text(1000),
        version: versionField,
      }),
      z.object({
        action: z.literal("REJECT"),
        reason: z.string().trim().min(1, "validation.required").max(1000),
        version: versionField,
      }),
    ],
    { error: "validation.decisionAction" },
  ),
);
export type DecisionInput = z.input<typeof decisionSchema>;

export const resubmitSchema = labelled(
  "permitItem",
  z.object({
    note: z.string().trim().min(1, "validation.required").max(1000),
    version: versionField,
  }),
);

export const listCasesSchema = labelled(
  "permitCase",
  z.object({
    state: z.preprocess(blankToUndefined, z.enum(caseStates).optional()),
    department: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    fastTrack: optionalBool,
    overdue: optionalBool,
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);

/** A year in a query (the permit report, the calendar): 2000–2100, this year when left out. */
export const yearQuerySchema = labelled(
  "report",
  z.object({
    year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
  }),
);

// ---- Reference data (ADMIN) ----------------------------------------------------------

/** One day of the working-day calendar: 法定节假日 or 调休上班. */
export const calendarDaySchema = labelled(
  "calendar",
  z.object({
    date: requiredDate,
    kind: z.enum(["HOLIDAY", "WORKDAY"], "validation.choice"),
    name: z.string().trim().min(1, "validation.required").max(40),
  }),
);
export const calendarDateSchema = labelled("calendar", z.object({ date: requiredDate }));

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const weekendDay = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;
// zod runs these rules even when a field failed: only a period whose dates all parsed is compared.
const complete = (p: { from: unknown; to: unknown; workdays: unknown }) =>
  p.from instanceof Date &&
  p.to instanceof Date &&
  Array.isArray(p.workdays) &&
  p.workdays.every((w) => w instanceof Date);

/**
 * A holiday period (国庆节 2026-10-01 to 2026-10-07, weekends included) and its 调休 working
 * days ("2026-09-20, 2026-10-10" as typed, or a list). At most 31 days: no holiday is longer,
 * and a longer range is a slip of the year or the month.
 */
const holidayPeriodSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(30),
    from: requiredDate,
    to: requiredDate,
    workdays: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .normalize("NFKC")
              .split(/[\s,;、]+/)
              .filter(Boolean)
          : (v ?? []),
      z.array(dateString).max(10),
    ),
  })
  .superRefine((p, ctx) => {
    if (!complete(p)) return;
    const days = (p.to.getTime() - p.from.getTime()) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "validation.periodOrder" });
    else if (days > 30) ctx.addIssue({ code: "custom", path: ["to"], message: "validation.periodLength" });
    const inside = p.workdays.find((w) => w >= p.from && w <= p.to);
    const weekday = p.workdays.find((w) => !weekendDay(w));
    if (weekday) ctx.addIssue({ code: "custom", path: ["workdays"], message: "validation.workdayOnWeekday" });
    else if (inside) ctx.addIssue({ code: "custom", path: ["workdays"], message: "validation.workdayInPeriod" });
    else if (new Set(p.workdays.map(isoOf)).size < p.workdays.length)
      ctx.addIssue({ code: "custom", path: ["workdays"], message: "validation.workdayTwice" });
  });

/** Holiday periods saved together (what was read from a notice, or typed as ranges); no day in two of them. */
export const holidayPeriodsSchema = labelled(
  "calendar",
  z
    .object({ periods: z.array(holidayPeriodSchema).min(1, "validation.periodsEmpty").max(20) })
    .superRefine(({ periods }, ctx) => {
      const seen = new Map<string, number>();
      if (!periods.every(complete)) return;
      periods.forEach((p, i) => {
        const days: string[] = [...p.workdays.map(isoOf)];
        for (let d = p.from.getTime(); d <= p.to.getTime() && days.length < 60; d += 86_400_000)
          days.push(isoOf(new Date(d)));
        const clash = days.find((d) => seen.has(d) && seen.get(d) !== i);
        if (clash) ctx.addIssue({ code: "custom", path: ["periods", i, "from"], message: "validation.periodOverlap" });
        for (const d of days) if (!seen.has(d)) seen.set(d, i);
      });
    }),
);
export type HolidayPeriodsInput = z.input<typeof holidayPeriodsSchema>;

const days = z.coerce
  .number({ error: "validation.days" })
  .int("validation.days")
  .min(1, "validation.days")
  .max(365, "validation.days");

const typeFields = {
  name: z.string().trim().min(1, "validation.required").max(60),
  departmentId: idRef,
  statutoryDays: days,
  fastTrackDays: days,
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
};
export const createPermitTypeSchema = labelled("permitType", z.object({ code: codeField, ...typeFields }));
export const updatePermitTypeSchema = labelled(
  "permitType",
  z.object(typeFields).partial().extend({ version: versionField }),
);
