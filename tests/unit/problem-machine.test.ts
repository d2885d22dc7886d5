import {
  checkProblemAction,
  checkRaise,
  dueForEscalationProposal,
  problemActions,
  problemOverdue,
  problemStates,
  transitionAction,
  type ProblemAction,
  type ProblemFacts,
  type ProblemState,
} from "../../lib/problems/problem-machine";

// The answer for every state × action for a manager at level 1. "=" means allowed, staying
// in the same state.
const table: Record<ProblemState, Record<ProblemAction, string>> = {
  OPEN: {
    START: "IN_PROGRESS",
    RESOLVE: "RESOLVED",
    CLOSE_UNRESOLVED: "CLOSED_UNRESOLVED",
    REOPEN: "RULE_PROBLEM_NOT_CLOSED",
    ESCALATE: "=",
    EDIT: "=",
  },
  IN_PROGRESS: {
    START: "RULE_PROBLEM_ALREADY_STARTED",
    RESOLVE: "RESOLVED",
    CLOSE_UNRESOLVED: "CLOSED_UNRESOLVED",
    REOPEN: "RULE_PROBLEM_NOT_CLOSED",
    ESCALATE: "=",
    EDIT: "=",
  },
  RESOLVED: {
    START: "RULE_PROBLEM_CLOSED",
    RESOLVE: "RULE_PROBLEM_CLOSED",
    CLOSE_UNRESOLVED: "RULE_PROBLEM_CLOSED",
    REOPEN: "OPEN",
    ESCALATE: "RULE_PROBLEM_CLOSED",
    EDIT: "RULE_PROBLEM_CLOSED",
  },
  CLOSED_UNRESOLVED: {
    START: "RULE_PROBLEM_CLOSED",
    RESOLVE: "RULE_PROBLEM_CLOSED",
    CLOSE_UNRESOLVED: "RULE_PROBLEM_CLOSED",
    REOPEN: "OPEN",
    ESCALATE: "RULE_PROBLEM_CLOSED",
    EDIT: "RULE_PROBLEM_CLOSED",
  },
};

const nobody = { manager: false, departmentMember: false, projectOwnerOrLeader: false, escalator: false };
const facts = (state: ProblemState, over: Partial<ProblemFacts> = {}): ProblemFacts => ({
  state,
  level: 1,
  manager: true,
  departmentMember: false,
  projectOwnerOrLeader: false,
  escalator: true,
  ...over,
});
const answer = (v: { ok: true; next: string } | { ok: false; rule: string }, same: string) =>
  v.ok ? (v.next === same ? "=" : v.next) : v.rule;

describe("problem machine", () => {
  it.each(problemStates.flatMap((s) => problemActions.map((a) => [s, a] as const)))("%s × %s", (state, action) => {
    expect(answer(checkProblemAction(action, facts(state)), state)).toBe(table[state][action]);
  });

  it("refuses everyone without a side in the problem, in every state", () => {
    for (const s of problemStates)
      for (const a of problemActions)
        expect(checkProblemAction(a, facts(s, nobody))).toEqual({ ok: false, rule: "FORBIDDEN" });
  });

  it("the department and the project's people work the problem; only a manager reopens", () => {
    const dept = { ...nobody, departmentMember: true };
    expect(checkProblemAction("START", facts("OPEN", dept)).ok).toBe(true);
    expect(checkProblemAction("RESOLVE", facts("IN_PROGRESS", dept)).ok).toBe(true);
    expect(checkProblemAction("CLOSE_UNRESOLVED", facts("OPEN", dept))).toEqual({ ok: false, rule: "FORBIDDEN" });
    expect(checkProblemAction("EDIT", facts("OPEN", dept))).toEqual({ ok: false, rule: "FORBIDDEN" });
    expect(checkProblemAction("ESCALATE", facts("OPEN", dept))).toEqual({ ok: false, rule: "FORBIDDEN" });
    const owner = { ...nobody, projectOwnerOrLeader: true };
    expect(checkProblemAction("CLOSE_UNRESOLVED", facts("OPEN", owner)).ok).toBe(true);
    expect(checkProblemAction("EDIT", facts("OPEN", owner)).ok).toBe(true);
    expect(checkProblemAction("REOPEN", facts("RESOLVED", { ...owner, escalator: true }))).toEqual({
      ok: false,
      rule: "FORBIDDEN",
    });
    expect(checkProblemAction("ESCALATE", facts("OPEN", { ...nobody, escalator: true })).ok).toBe(true);
  });

  it("escalates up to level 3 and no further", () => {
    expect(checkProblemAction("ESCALATE", facts("OPEN", { level: 2 })).ok).toBe(true);
    expect(checkProblemAction("ESCALATE", facts("IN_PROGRESS", { level: 3 }))).toEqual({
      ok: false,
      rule: "RULE_PROBLEM_TOP_LEVEL",
    });
  });

  it("raising needs the project's right", () => {
    expect(checkRaise({ mayRaise: true })).toEqual({ ok: true, next: "OPEN" });
    expect(checkRaise({ mayRaise: false })).toEqual({ ok: false, rule: "FORBIDDEN" });
  });

  it("maps a transition's target to its action", () => {
    expect(transitionAction("IN_PROGRESS")).toBe("START");
    expect(transitionAction("RESOLVED")).toBe("RESOLVE");
    expect(transitionAction("CLOSED_UNRESOLVED")).toBe("CLOSE_UNRESOLVED");
    expect(transitionAction("OPEN")).toBe("REOPEN");
  });

  it("is overdue the day after its due date, while open", () => {
    expect(problemOverdue({ state: "OPEN", dueDate: "2026-05-10" }, "2026-05-10")).toBe(false);
    expect(problemOverdue({ state: "OPEN", dueDate: "2026-05-10" }, "2026-05-11")).toBe(true);
    expect(problemOverdue({ state: "IN_PROGRESS", dueDate: "2026-05-10" }, "2026-05-11")).toBe(true);
    expect(problemOverdue({ state: "RESOLVED", dueDate: "2026-05-10" }, "2026-05-11")).toBe(false);
  });

  it("proposes escalation once per level after the configured working days, below level 3", () => {
    const p = { state: "OPEN" as const, level: 1, proposed: false, workingDaysAtLevel: 2 };
    expect(dueForEscalationProposal(p, 2)).toBe(true);
    expect(dueForEscalationProposal({ ...p, workingDaysAtLevel: 1 }, 2)).toBe(false);
    expect(dueForEscalationProposal({ ...p, proposed: true }, 2)).toBe(false);
    expect(dueForEscalationProposal({ ...p, level: 3 }, 2)).toBe(false);
    expect(dueForEscalationProposal({ ...p, state: "RESOLVED" }, 2)).toBe(false);
  });
});
