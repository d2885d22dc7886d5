// A meeting (协调会 / 月例会, SPEC §5) as states and actions, pure: no database, no clock.
// The use-cases gather the facts (the state, the actor's side from the permission table,
// whether the actor chairs it, whether any agenda item has minutes, whether a reason was
// given) and write what this module answers. Every "may this happen now" of a meeting lives
// here and nowhere else.
//
//   PLANNED ──sign-off (the chair, minutes written)──▶ CLOSED
//   PLANNED: managers edit the header and the agenda, write minutes and add decisions.
//   CLOSED:  the minutes are signed; a manager may still correct them or add a decision,
//            each time with a reason (kept in the audit log).

export const meetingStates = ["PLANNED", "CLOSED"] as const;
export type MeetingState = (typeof meetingStates)[number];
export const meetingKinds = ["COORDINATION", "MONTHLY"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const agendaItemKinds = ["PROJECT", "NOTICE", "PROBLEM", "OTHER"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

export const meetingActions = ["EDIT", "DECIDE", "SIGN_OFF"] as const;
export type MeetingAction = (typeof meetingActions)[number];

export type MeetingRule =
  "FORBIDDEN" | "RULE_MEETING_CLOSED" | "RULE_MEETING_NO_MINUTES" | "RULE_MEETING_REASON_REQUIRED";

export type MeetingVerdict = { ok: true; next: MeetingState } | { ok: false; rule: MeetingRule };
const refuse = (rule: MeetingRule) => ({ ok: false as const, rule });

export type MeetingFacts = {
  state: MeetingState;
  /** The actor manages meetings (meeting.manage). */
  manager: boolean;
  /** The actor is the meeting's chair. */
  chair: boolean;
  /** At least one agenda item has minutes. */
  hasMinutes: boolean;
  /** The change carries a reason (required once the minutes are signed). */
  hasReason: boolean;
};

export function checkMeetingAction(action: MeetingAction, f: MeetingFacts): MeetingVerdict {
  switch (action) {
    case "SIGN_OFF":
      // Only the chair signs the minutes, whatever their role.
      if (!f.chair) return refuse("FORBIDDEN");
      if (f.state === "CLOSED") return refuse("RULE_MEETING_CLOSED");
      return f.hasMinutes ? { ok: true, next: "CLOSED" } : refuse("RULE_MEETING_NO_MINUTES");
    case "EDIT":
    case "DECIDE":
      if (!f.manager) return refuse("FORBIDDEN");
      switch (f.state) {
        case "PLANNED":
          return { ok: true, next: "PLANNED" };
        case "CLOSED":
          return f.hasReason ? { ok: true, next: "CLOSED" } : refuse("RULE_MEETING_REASON_REQUIRED");
      }
  }
}

/** Problem levels a meeting of this kind takes up: 协调会 level 2 (units concerned), 月例会 levels 2 and 3. */
export function proposedProblemLevels(kind: MeetingKind): number[] {
  switch (kind) {
    case "COORDINATION":
      return [2];
    case "MONTHLY":
      return [3, 2];
  }
}
