import {
  checkIssue,
  checkNoticeAction,
  extensionMoves,
  noticeActions,
  noticeExtensions,
  noticeNumber,
  noticeStates,
  runningDeadline,
  type NoticeAction,
  type NoticeFacts,
  type NoticeState,
} from "../../lib/supervision/notice-machine";
import { remindersDue, reminderDay } from "../../lib/supervision/notice-timers";
import { emptyCalendar } from "../../lib/calendar/working-days";

// The answer for every state × action for the right actor, with evidence, not accepted, no
// extension asked, days left. "=" means allowed, staying in the same state.
const table: Record<NoticeState, Record<NoticeAction, string>> = {
  ISSUED: {
    REPLY: "REPLIED",
    ACCEPT: "RULE_NOTICE_NOT_REPLIED",
    REJECT: "RULE_NOTICE_NOT_REPLIED",
    CLOSE: "RULE_NOTICE_NOT_REPLIED",
    REQUEST_EXTENSION: "=",
    DECIDE_EXTENSION: "RULE_NOTICE_NO_EXTENSION_REQUEST",
  },
  REPLIED: {
    REPLY: "RULE_NOTICE_ALREADY_REPLIED",
    ACCEPT: "=",
    REJECT: "ISSUED",
    CLOSE: "CLOSED",
    REQUEST_EXTENSION: "=",
    DECIDE_EXTENSION: "RULE_NOTICE_NO_EXTENSION_REQUEST",
  },
  CLOSED: {
    REPLY: "RULE_NOTICE_CLOSED",
    ACCEPT: "RULE_NOTICE_CLOSED",
    REJECT: "RULE_NOTICE_CLOSED",
    CLOSE: "RULE_NOTICE_CLOSED",
    REQUEST_EXTENSION: "RULE_NOTICE_CLOSED",
    DECIDE_EXTENSION: "RULE_NOTICE_CLOSED",
  },
};

const byRecipient = (a: NoticeAction) => a === "REPLY" || a === "REQUEST_EXTENSION";
const facts = (state: NoticeState, action: NoticeAction, over: Partial<NoticeFacts> = {}): NoticeFacts => ({
  state,
  extension: "NONE",
  accepted: false,
  hasEvidence: true,
  workingDaysLeft: 3,
  manager: !byRecipient(action),
  recipient: byRecipient(action),
  ...over,
});
const answer = (v: { ok: true; next: string } | { ok: false; rule: string }, same: string) =>
  v.ok ? (v.next === same ? "=" : v.next) : v.rule;

describe("notice machine", () => {
  for (const state of noticeStates)
    for (const action of noticeActions) {
      it(`${state} × ${action}`, () => {
        expect(answer(checkNoticeAction(action, facts(state, action)), state)).toBe(table[state][action]);
      });
      it(`${state} × ${action}: the wrong side is FORBIDDEN`, () => {
        const wrong = { manager: byRecipient(action), recipient: !byRecipient(action) };
        expect(checkNoticeAction(action, facts(state, action, wrong))).toEqual({ ok: false, rule: "FORBIDDEN" });
        const nobody = { manager: false, recipient: false };
        expect(checkNoticeAction(action, facts(state, action, nobody))).toEqual({ ok: false, rule: "FORBIDDEN" });
      });
    }

  it("closes only with evidence", () => {
    expect(checkNoticeAction("CLOSE", facts("REPLIED", "CLOSE", { hasEvidence: false }))).toEqual({
      ok: false,
      rule: "RULE_NOTICE_NO_EVIDENCE",
    });
  });

  it("accepts a reply once", () => {
    expect(checkNoticeAction("ACCEPT", facts("REPLIED", "ACCEPT", { accepted: true }))).toEqual({
      ok: false,
      rule: "RULE_NOTICE_ALREADY_ACCEPTED",
    });
    // An accepted reply can still be closed, or sent back.
    expect(checkNoticeAction("CLOSE", facts("REPLIED", "CLOSE", { accepted: true })).ok).toBe(true);
    expect(checkNoticeAction("REJECT", facts("REPLIED", "REJECT", { accepted: true })).ok).toBe(true);
  });

  it("takes one extension request, at least one working day before the deadline", () => {
    for (const state of ["ISSUED", "REPLIED"] as const) {
      for (const extension of noticeExtensions) {
        const v = checkNoticeAction("REQUEST_EXTENSION", facts(state, "REQUEST_EXTENSION", { extension }));
        expect([extension, answer(v, state)]).toEqual([
          extension,
          extension === "NONE" ? "=" : "RULE_NOTICE_EXTENSION_ONCE",
        ]);
        const d = checkNoticeAction("DECIDE_EXTENSION", facts(state, "DECIDE_EXTENSION", { extension }));
        expect([extension, answer(d, state)]).toEqual([
          extension,
          extension === "REQUESTED" ? "=" : "RULE_NOTICE_NO_EXTENSION_REQUEST",
        ]);
      }
      expect(checkNoticeAction("REQUEST_EXTENSION", facts(state, "REQUEST_EXTENSION", { workingDaysLeft: 0 }))).toEqual(
        { ok: false, rule: "RULE_NOTICE_EXTENSION_TOO_LATE" },
      );
      expect(checkNoticeAction("REQUEST_EXTENSION", facts(state, "REQUEST_EXTENSION", { workingDaysLeft: 1 })).ok).toBe(
        true,
      );
    }
  });

  it("issues by a manager to a project with a leader", () => {
    expect(checkIssue({ manager: true, hasLeader: true })).toEqual({ ok: true, next: "ISSUED" });
    expect(checkIssue({ manager: true, hasLeader: false })).toEqual({ ok: false, rule: "RULE_NOTICE_NO_LEADER" });
    expect(checkIssue({ manager: false, hasLeader: true })).toEqual({ ok: false, rule: "FORBIDDEN" });
  });

  it("runs the reply's deadline, then the resolution's", () => {
    const d = { replyDue: "2026-03-05", resolveDue: "2026-03-20" };
    expect(runningDeadline({ state: "ISSUED", ...d })).toEqual({ kind: "reply", due: "2026-03-05" });
    expect(runningDeadline({ state: "REPLIED", ...d })).toEqual({ kind: "resolve", due: "2026-03-20" });
    expect(runningDeadline({ state: "CLOSED", ...d })).toBeNull();
    expect(extensionMoves("ISSUED")).toEqual({ reply: true, resolve: true });
    expect(extensionMoves("REPLIED")).toEqual({ reply: false, resolve: true });
  });

  it("numbers notices officially", () => {
    expect(noticeNumber(2026, 12)).toBe("督办〔2026〕12号");
  });
});

describe("notice reminders", () => {
  // Mon 2026-03-02 issued, reply due Thu 03-05 (3 working days), resolve due Fri 03-20.
  const base = {
    state: "ISSUED" as NoticeState,
    replyDue: "2026-03-05",
    resolveDue: "2026-03-20",
    runningFrom: "2026-03-02",
    sent: { half: false, due: false, overdue: false },
  };
  const on = (today: string, over: Partial<typeof base> = {}) =>
    remindersDue({ ...base, ...over }, today, emptyCalendar, 50);

  it("reminds at half time, on the deadline and on the first working day after it", () => {
    expect(reminderDay(emptyCalendar, "2026-03-02", "2026-03-05", 50)).toBe("2026-03-04");
    expect(on("2026-03-03")).toEqual([]);
    expect(on("2026-03-04")).toEqual(["half"]);
    expect(on("2026-03-05")).toEqual(["due"]);
    expect(on("2026-03-06")).toEqual(["overdue"]);
  });

  it("sends each once", () => {
    const sent = { half: true, due: true, overdue: true };
    for (const d of ["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09"]) expect(on(d, { sent })).toEqual([]);
  });

  it("waits for a working day to 催办", () => {
    // Reply due Fri 03-06: Saturday and Sunday are not working days; Monday is.
    expect(on("2026-03-07", { replyDue: "2026-03-06" })).toEqual([]);
    expect(on("2026-03-08", { replyDue: "2026-03-06" })).toEqual([]);
    expect(on("2026-03-09", { replyDue: "2026-03-06" })).toEqual(["overdue"]);
  });

  it("follows the resolution once replied, and nothing once closed", () => {
    expect(on("2026-03-06", { state: "REPLIED" })).toEqual([]);
    expect(on("2026-03-20", { state: "REPLIED" })).toEqual(["due"]);
    expect(on("2026-03-23", { state: "REPLIED" })).toEqual(["overdue"]);
    expect(on("2026-03-23", { state: "CLOSED" })).toEqual([]);
  });

  it("does not split a one-day time", () => {
    expect(reminderDay(emptyCalendar, "2026-03-02", "2026-03-03", 50)).toBeNull();
  });
});
