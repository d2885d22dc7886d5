// The notice inputs refuse what a bureau would: each refusal names its field with a
// catalogue key (the field-messages test words them in both languages).
import { AppError } from "../../lib/errors";
import {
  decideExtensionSchema,
  extendNoticeSchema,
  issueNoticeSchema,
  listNoticesSchema,
  rejectNoticeSchema,
  replyNoticeSchema,
} from "../../lib/supervision/schemas";
import { parseInput } from "../../lib/validation";

const refusal = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof AppError)
      return Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : v.key]));
    throw e;
  }
  return null;
};

describe("notice schemas", () => {
  const issue = { projectId: "p1", subject: "加快推进", content: "落后序时进度" };

  it("issue: working days 1..120, reply no longer than resolve, what and why required", () => {
    expect(parseInput(issueNoticeSchema, { ...issue, replyDays: "３", resolveDays: "15" })).toMatchObject({
      replyDays: 3,
      resolveDays: 15,
    });
    expect(parseInput(issueNoticeSchema, { ...issue, replyDays: "", resolveDays: null })).toMatchObject({
      replyDays: undefined,
      resolveDays: undefined,
    });
    expect(refusal(issueNoticeSchema, { ...issue, replyDays: 10, resolveDays: 5 })).toEqual({
      resolveDays: "validation.noticeDaysOrder",
    });
    expect(refusal(issueNoticeSchema, { ...issue, replyDays: 0 })).toEqual({ replyDays: "validation.min" });
    expect(refusal(issueNoticeSchema, { ...issue, resolveDays: 121 })).toEqual({ resolveDays: "validation.max" });
    expect(refusal(issueNoticeSchema, { ...issue, replyDays: 1.5 })).toEqual({ replyDays: "validation.integer" });
    expect(refusal(issueNoticeSchema, { projectId: "p1", subject: "  ", content: "" })).toEqual({
      subject: "validation.required",
      content: "validation.required",
    });
  });

  it("reply: text and at least one piece of evidence", () => {
    expect(refusal(replyNoticeSchema, { reply: "已整改", attachmentIds: [], version: 1 })).toEqual({
      attachmentIds: "validation.noticeEvidence",
    });
    expect(refusal(replyNoticeSchema, { reply: "已整改", version: 1 })).toEqual({
      attachmentIds: "validation.noticeEvidence",
    });
    expect(refusal(replyNoticeSchema, { reply: "", attachmentIds: ["a1"], version: 1 })).toEqual({
      reply: "validation.required",
    });
    expect(refusal(replyNoticeSchema, { reply: "已整改", attachmentIds: ["a1"] })).toEqual({
      version: "validation.version",
    });
  });

  it("reject and extension: a reason; a refusal of an extension says why", () => {
    expect(refusal(rejectNoticeSchema, { reason: " ", version: 2 })).toEqual({ reason: "validation.required" });
    expect(refusal(extendNoticeSchema, { days: 0, reason: "等待设备", version: 1 })).toEqual({
      days: "validation.min",
    });
    expect(refusal(extendNoticeSchema, { days: 3, reason: "", version: 1 })).toEqual({ reason: "validation.required" });
    expect(refusal(decideExtensionSchema, { grant: false, version: 1 })).toEqual({ reason: "validation.required" });
    expect(refusal(decideExtensionSchema, { grant: "yes", version: 1 })).toEqual({ grant: "validation.choose" });
    expect(parseInput(decideExtensionSchema, { grant: true, version: 1 })).toMatchObject({ grant: true });
  });

  it("list: known states only", () => {
    expect(refusal(listNoticesSchema, { state: "OPEN" })).toEqual({ state: "validation.choice" });
    expect(parseInput(listNoticesSchema, { overdue: "true", todo: "1" })).toMatchObject({ overdue: true, todo: true });
  });
});
