import { z } from "zod";
import { blankToUndefined, idRef, labelled, nfkc, optionalBool, versionField } from "../schemas";
import { noticeStates } from "./notice-machine";

// 督办通知 (SPEC §5, §10). Working days are checked here against the widest limit; the
// use-case checks them again against 督办规则 (noticeMaxDays), which only it can read.

// Working days as people type them: full-width digits pasted from documents too (NFKC).
const dayCount = () => z.coerce.number().int("validation.integer").min(1).max(120);
const workingDayCount = z.preprocess((v) => blankToUndefined(nfkc(v)), dayCount().optional());
const prose = (max: number) => z.string().trim().min(1, "validation.required").max(max);

export const issueNoticeSchema = labelled(
  "notice",
  z
    .object({
      projectId: idRef,
      /** What must be done (督办事项). */
      subject: prose(200),
      content: prose(4000),
      replyDays: workingDayCount,
      resolveDays: workingDayCount,
    })
    .refine((n) => n.replyDays === undefined || n.resolveDays === undefined || n.replyDays <= n.resolveDays, {
      path: ["resolveDays"],
      message: "validation.noticeDaysOrder",
    }),
);
export type IssueNoticeInput = z.input<typeof issueNoticeSchema>;

/** The reply: measures taken, with evidence uploaded first to the project's attachments. */
export const replyNoticeSchema = labelled(
  "notice",
  z.object({
    reply: prose(4000),
    attachmentIds: z.array(idRef, "validation.noticeEvidence").min(1, "validation.noticeEvidence").max(20),
    version: versionField,
  }),
);

export const noticeVersionSchema = labelled("notice", z.object({ version: versionField }));

export const rejectNoticeSchema = labelled("notice", z.object({ reason: prose(1000), version: versionField }));

export const extendNoticeSchema = labelled(
  "notice",
  z.object({
    days: z.preprocess((v) => blankToUndefined(nfkc(v)), dayCount()),
    reason: prose(1000),
    version: versionField,
  }),
);

/** The manager's decision on an extension request; a refusal says why. */
export const decideExtensionSchema = labelled(
  "notice",
  z
    .object({
      grant: z.boolean("validation.choose"),
      reason: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
      version: versionField,
    })
    .refine((d) => d.grant !== false || !!d.reason, { path: ["reason"], message: "validation.required" }),
);

export const listNoticesSchema = labelled(
  "notice",
  z.object({
    state: z.preprocess(blankToUndefined, z.enum(noticeStates, "validation.choice").optional()),
    overdue: optionalBool,
    projectId: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    /** Notices the reader answers or issued. */
    mine: optionalBool,
    /** Notices waiting for the reader: a reply (recipients), a decision or a close (managers). */
    todo: optionalBool,
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);
