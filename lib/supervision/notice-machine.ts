// The supervision notice (督办通知, SPEC §5) as states and actions, pure: no database, no
// clock. Use-cases gather the facts (the state, the actor's side from the permission table,
// whether the reply carries evidence, how many working days are left before the running
// deadline), ask this module, and write what it answers. Every "may this happen now" of a
// notice lives here and nowhere else.
//
//   ISSUED ──reply──▶ REPLIED ──close (办结销号, with evidence)──▶ CLOSED
//      ▲                 │
//      └────reject───────┘   (accept: the manager accepts the reply's measures; the notice
//                             stays REPLIED until it is closed)
// The recipients may ask once for an extension, at least one working day before the running
// deadline; the manager grants or refuses it.

export const noticeStates = ["ISSUED", "REPLIED", "CLOSED"] as const;
export type NoticeState = (typeof noticeStates)[number];
export const noticeExtensions = ["NONE", "REQUESTED", "GRANTED", "REFUSED"] as const;
export type NoticeExtension = (typeof noticeExtensions)[number];

/** Notices still running (for queries: `state: { in: … }`). */
export const openNoticeStates = ["ISSUED", "REPLIED"] as const satisfies readonly NoticeState[];

export const noticeActions = ["REPLY", "ACCEPT", "REJECT", "CLOSE", "REQUEST_EXTENSION", "DECIDE_EXTENSION"] as const;
export type NoticeAction = (typeof noticeActions)[number];

export type NoticeRule =
  | "FORBIDDEN"
  | "RULE_NOTICE_NO_LEADER"
  | "RULE_NOTICE_CLOSED"
  | "RULE_NOTICE_ALREADY_REPLIED"
  | "RULE_NOTICE_NOT_REPLIED"
  | "RULE_NOTICE_ALREADY_ACCEPTED"
  | "RULE_NOTICE_NO_EVIDENCE"
  | "RULE_NOTICE_EXTENSION_ONCE"
  | "RULE_NOTICE_EXTENSION_TOO_LATE"
  | "RULE_NOTICE_NO_EXTENSION_REQUEST";

export type Verdict<S> = { ok: true; next: S } | { ok: false; rule: NoticeRule };
const refuse = (rule: NoticeRule) => ({ ok: false as const, rule });

export type NoticeFacts = {
  state: NoticeState;
  extension: NoticeExtension;
  /** The manager accepted the reply's measures. */
  accepted: boolean;
  /** The reply has its text and at least one attachment (evidence). */
  hasEvidence: boolean;
  /** Working days from today to the running deadline (0 on the deadline day or after it). */
  workingDaysLeft: number;
  /** The actor manages notices (notice.manage). */
  manager: boolean;
  /** The actor answers notices (notice.reply) and is this notice's leader or owner. */
  recipient: boolean;
};

/** Issuing a notice for a project: by a manager, to a project that has a leader in charge. */
export function checkIssue(f: { manager: boolean; hasLeader: boolean }): Verdict<NoticeState> {
  if (!f.manager) return refuse("FORBIDDEN");
  if (!f.hasLeader) return refuse("RULE_NOTICE_NO_LEADER");
  return { ok: true, next: "ISSUED" };
}

export function checkNoticeAction(action: NoticeAction, f: NoticeFacts): Verdict<NoticeState> {
  const byRecipient = action === "REPLY" || action === "REQUEST_EXTENSION";
  if (byRecipient ? !f.recipient : !f.manager) return refuse("FORBIDDEN");
  if (f.state === "CLOSED") return refuse("RULE_NOTICE_CLOSED");
  switch (action) {
    case "REPLY":
      return f.state === "ISSUED" ? { ok: true, next: "REPLIED" } : refuse("RULE_NOTICE_ALREADY_REPLIED");
    case "ACCEPT":
      if (f.state !== "REPLIED") return refuse("RULE_NOTICE_NOT_REPLIED");
      return f.accepted ? refuse("RULE_NOTICE_ALREADY_ACCEPTED") : { ok: true, next: "REPLIED" };
    case "REJECT":
      return f.state === "REPLIED" ? { ok: true, next: "ISSUED" } : refuse("RULE_NOTICE_NOT_REPLIED");
    case "CLOSE":
      if (f.state !== "REPLIED") return refuse("RULE_NOTICE_NOT_REPLIED");
      return f.hasEvidence ? { ok: true, next: "CLOSED" } : refuse("RULE_NOTICE_NO_EVIDENCE");
    case "REQUEST_EXTENSION":
      if (f.extension !== "NONE") return refuse("RULE_NOTICE_EXTENSION_ONCE");
      return f.workingDaysLeft >= 1 ? { ok: true, next: f.state } : refuse("RULE_NOTICE_EXTENSION_TOO_LATE");
    case "DECIDE_EXTENSION":
      return f.extension === "REQUESTED" ? { ok: true, next: f.state } : refuse("RULE_NOTICE_NO_EXTENSION_REQUEST");
  }
}

/**
 * The deadline that runs in a state: the reply's while the notice waits for one, then the
 * resolution's; none once closed. Reminders, extension requests and 催办 follow it.
 */
export function runningDeadline(n: {
  state: NoticeState;
  replyDue: string;
  resolveDue: string;
}): { kind: "reply" | "resolve"; due: string } | null {
  if (n.state === "ISSUED") return { kind: "reply", due: n.replyDue };
  if (n.state === "REPLIED") return { kind: "resolve", due: n.resolveDue };
  return null;
}

/**
 * Which deadlines a granted extension moves: waiting for a reply, the whole timetable
 * (reply and resolution); after the reply, the resolution.
 */
export function extensionMoves(state: NoticeState): { reply: boolean; resolve: boolean } {
  return { reply: state === "ISSUED", resolve: state !== "CLOSED" };
}

/** The official number: 督办〔2026〕12号. */
export function noticeNumber(year: number, seq: number): string {
  return `督办〔${year}〕${seq}号`;
}
