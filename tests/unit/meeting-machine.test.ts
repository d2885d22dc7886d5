// The meeting machine, state × action × who: the chair signs off written minutes once;
// managers edit and decide while planned, and after sign-off only with a reason.
import {
  checkMeetingAction,
  meetingActions,
  meetingStates,
  proposedProblemLevels,
  type MeetingFacts,
} from "../../lib/meetings/meeting-machine";

const facts = (over: Partial<MeetingFacts> = {}): MeetingFacts => ({
  state: "PLANNED",
  manager: true,
  chair: false,
  hasMinutes: true,
  hasReason: false,
  ...over,
});

describe("the meeting machine", () => {
  it.each(meetingStates.flatMap((state) => meetingActions.map((action) => [state, action] as const)))(
    "%s × %s: nobody without the side the action needs",
    (state, action) => {
      const verdict = checkMeetingAction(action, facts({ state, manager: false, chair: false, hasReason: true }));
      expect(verdict).toEqual({ ok: false, rule: "FORBIDDEN" });
    },
  );

  it("the chair signs off planned minutes: CLOSED; not without minutes, not twice", () => {
    expect(checkMeetingAction("SIGN_OFF", facts({ chair: true, manager: false }))).toEqual({
      ok: true,
      next: "CLOSED",
    });
    expect(checkMeetingAction("SIGN_OFF", facts({ chair: true, hasMinutes: false }))).toEqual({
      ok: false,
      rule: "RULE_MEETING_NO_MINUTES",
    });
    expect(checkMeetingAction("SIGN_OFF", facts({ chair: true, state: "CLOSED" }))).toEqual({
      ok: false,
      rule: "RULE_MEETING_CLOSED",
    });
  });

  it("a manager who is not the chair cannot sign off", () => {
    expect(checkMeetingAction("SIGN_OFF", facts({ manager: true, chair: false }))).toEqual({
      ok: false,
      rule: "FORBIDDEN",
    });
  });

  it.each(["EDIT", "DECIDE"] as const)("%s: a manager while planned, reason or not; stays PLANNED", (action) => {
    expect(checkMeetingAction(action, facts())).toEqual({ ok: true, next: "PLANNED" });
    expect(checkMeetingAction(action, facts({ hasReason: true }))).toEqual({ ok: true, next: "PLANNED" });
  });

  it.each(["EDIT", "DECIDE"] as const)("%s after sign-off: a manager with a reason only; stays CLOSED", (action) => {
    expect(checkMeetingAction(action, facts({ state: "CLOSED" }))).toEqual({
      ok: false,
      rule: "RULE_MEETING_REASON_REQUIRED",
    });
    expect(checkMeetingAction(action, facts({ state: "CLOSED", hasReason: true }))).toEqual({
      ok: true,
      next: "CLOSED",
    });
    expect(
      checkMeetingAction(action, facts({ state: "CLOSED", hasReason: true, manager: false, chair: true })),
    ).toEqual({ ok: false, rule: "FORBIDDEN" });
  });

  it("a 协调会 takes up level-2 problems; a 月例会 level 3 then level 2", () => {
    expect(proposedProblemLevels("COORDINATION")).toEqual([2]);
    expect(proposedProblemLevels("MONTHLY")).toEqual([3, 2]);
  });
});
