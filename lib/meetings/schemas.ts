import { z } from "zod";
import { shanghaiToday } from "../dates";
import { raiseProblemSchema } from "../problems/schemas";
import {
  blankToUndefined,
  idRef,
  labelled,
  nfkc,
  optionalDate,
  optionalText,
  requiredDate,
  versionField,
} from "../schemas";
import { issueNoticeSchema } from "../supervision/schemas";
import { agendaItemKinds, meetingKinds } from "./meeting-machine";

// Inputs of 协调会 / 月例会 (SPEC §5, §10). Pure: the forms check the same rules in the
// browser; what needs the database (the chair's account, the agenda's projects, notices and
// problems) is checked by the use-cases.

/**
 * When a meeting starts: "YYYY-MM-DDTHH:mm" as the form's picker gives it (Asia/Shanghai), or
 * an ISO 8601 time with its offset; within 1900–2100 (year 0 is a typing slip).
 */
const meetingTime = z.preprocess(
  nfkc,
  z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, "validation.dateTime")
    .transform((v) => {
      const t = v.replace(" ", "T");
      return /(Z|[+-]\d{2}:\d{2})$/.test(t) ? t : `${t}+08:00`;
    })
    .refine((v) => {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) return false;
      // 2026-02-30T09:00 must not roll over into March.
      const day = v.slice(0, 10);
      const [y, m, dd] = day.split("-").map(Number);
      const check = new Date(Date.UTC(y, m - 1, dd));
      return check.getUTCMonth() === m - 1 && check.getUTCDate() === dd;
    }, "validation.dateTime")
    .refine((v) => v >= "1900-01-01" && v <= "2100-12-31", "validation.dateRange")
    .transform((v) => new Date(v)),
);

const title = z.preprocess(nfkc, z.string("validation.required").trim().min(1, "validation.required").max(200));

const reasonSchema = z.object({
  code: z.string().trim().min(1).max(60),
  message: z.string().trim().max(500).default(""),
});

/** One agenda item (议题) as the form and the API send it; `id` for an item already on the agenda. */
const agendaItem = z
  .object({
    id: z.preprocess(blankToUndefined, idRef.optional()),
    kind: z.enum(agendaItemKinds, "validation.choice"),
    projectId: z.preprocess(blankToUndefined, idRef.optional()),
    noticeId: z.preprocess(blankToUndefined, idRef.optional()),
    problemId: z.preprocess(blankToUndefined, idRef.optional()),
    title,
    reasons: z.array(reasonSchema).max(20).default([]),
    minutes: optionalText(8000),
  })
  .superRefine((item, ctx) => {
    // A new item names what it is about (an existing one keeps what it was about).
    if (item.id) return;
    const need = { PROJECT: "projectId", NOTICE: "noticeId", PROBLEM: "problemId", OTHER: null }[item.kind];
    if (need && !item[need as "projectId"])
      ctx.addIssue({ code: "custom", path: [need], message: "validation.choose" });
  });
export const agendaItemSchema = labelled("meeting", agendaItem);
export type AgendaItemInput = z.input<typeof agendaItemSchema>;

const header = {
  kind: z.enum(meetingKinds, "validation.choice"),
  title,
  startsAt: meetingTime,
  place: optionalText(200),
  chairId: idRef,
  attendeeIds: z.array(idRef).max(200).default([]),
  attendeesText: optionalText(2000),
};

const items = z
  .array(agendaItemSchema)
  .max(100, { message: "validation.max" })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (!item.id) return;
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "validation.choose" });
      seen.add(item.id);
    });
  });

export const createMeetingSchema = labelled("meeting", z.object({ ...header, items: items.default([]) }));
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

/**
 * A change (PATCH): any header field, and the whole ordered agenda when `items` is given
 * (reorder, edit, add, remove). `reason` is required once the minutes are signed.
 */
export const updateMeetingSchema = labelled(
  "meeting",
  z.object({
    kind: header.kind.optional(),
    title: title.optional(),
    startsAt: meetingTime.optional(),
    place: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(200).nullable().optional()),
    chairId: idRef.optional(),
    attendeeIds: z.array(idRef).max(200).optional(),
    attendeesText: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(2000).nullable().optional()),
    items: items.optional(),
    reason: optionalText(500),
    version: versionField,
  }),
);
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

export const signOffMeetingSchema = labelled("meeting", z.object({ version: versionField }));

export const listMeetingsSchema = labelled(
  "meeting",
  z.object({
    kind: z.preprocess(blankToUndefined, z.enum(meetingKinds, "validation.choice").optional()),
    /** Days (Asia/Shanghai), both included. */
    from: optionalDate,
    to: optionalDate,
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);

export const agendaProposalSchema = labelled(
  "meeting",
  z.object({ kind: z.preprocess(blankToUndefined, z.enum(meetingKinds, "validation.choice").default("MONTHLY")) }),
);

// A decision (会议决定) on an agenda item: a problem for a department with a due date, or a
// 督办通知 to the project's leader with its deadlines. Either has an owner and a deadline.
const requiredDays = z.preprocess((v) => {
  const x = blankToUndefined(nfkc(v));
  return typeof x === "string" ? Number(x) : x;
}, z.number("validation.required").int("validation.integer").min(1).max(120));

const problemDecision = z.object({
  title: raiseProblemSchema.shape.title,
  category: raiseProblemSchema.shape.category,
  department: raiseProblemSchema.shape.department,
  dueDate: requiredDate.refine((d) => d.toISOString().slice(0, 10) >= shanghaiToday(), "validation.problemDuePast"),
  description: raiseProblemSchema.shape.description,
});

const noticeDecision = z.object({
  subject: issueNoticeSchema.shape.subject,
  content: issueNoticeSchema.shape.content,
  replyDays: issueNoticeSchema.shape.replyDays,
  resolveDays: requiredDays,
});

const decisionCommon = {
  agendaItemId: idRef,
  /** For a free-text item (about no project): the project the decision is for. */
  projectId: z.preprocess(blankToUndefined, idRef.optional()),
  /** Required once the minutes are signed. */
  reason: optionalText(500),
};

export const addDecisionSchema = labelled(
  "meeting",
  z.discriminatedUnion(
    "type",
    [
      z.object({ ...decisionCommon, type: z.literal("PROBLEM"), problem: problemDecision }),
      z.object({ ...decisionCommon, type: z.literal("NOTICE"), notice: noticeDecision }),
    ],
    "validation.choice",
  ),
);
export type AddDecisionInput = z.input<typeof addDecisionSchema>;
