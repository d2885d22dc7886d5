// 要素保障 problems (SPEC §5) as states and actions, pure: no database, no clock. Use-cases
// gather the facts (the state, the level, the actor's side), ask this module and write what
// it answers. Every "may this happen now" of a problem lives here and nowhere else.
//
//   OPEN ──start──▶ IN_PROGRESS ──resolve (resolution)──▶ RESOLVED
//     │                 │
//     └──resolve────────┴──close unresolved (reason)──▶ CLOSED_UNRESOLVED
//   RESOLVED | CLOSED_UNRESOLVED ──reopen (manager, reason)──▶ OPEN
//
// 三级调度: an open problem climbs level 1 (the project's owner and 专班) → 2 (协调会) → 3
// (主要领导调度), decided by a manager or the project's leader in charge, with a reason.

export const problemStates = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED_UNRESOLVED"] as const;
export type ProblemState = (typeof problemStates)[number];

/** Problems still being worked on (for queries: `state: { in: … }`). */
export const openProblemStates = ["OPEN", "IN_PROGRESS"] as const satisfies readonly ProblemState[];
export const isOpenProblem = (s: ProblemState) => s === "OPEN" || s === "IN_PROGRESS";

export const problemCategories = [
  "LAND",
  "PLANNING",
  "ENERGY",
  "POWER",
  "WATER",
  "GAS",
  "FINANCE",
  "LABOUR",
  "APPROVAL",
  "OTHER",
] as const;
export type ProblemCategory = (typeof problemCategories)[number];

/** 三级调度: the top level (主要领导调度). */
export const topProblemLevel = 3;
export const problemLevels = [1, 2, 3] as const;

export const problemActions = ["START", "RESOLVE", "CLOSE_UNRESOLVED", "REOPEN", "ESCALATE", "EDIT"] as const;
export type ProblemAction = (typeof problemActions)[number];

export type ProblemRule =
  | "FORBIDDEN"
  | "RULE_PROBLEM_CLOSED"
  | "RULE_PROBLEM_ALREADY_STARTED"
  | "RULE_PROBLEM_NOT_CLOSED"
  | "RULE_PROBLEM_TOP_LEVEL";

export type ProblemVerdict = { ok: true; next: ProblemState } | { ok: false; rule: ProblemRule };
const refuse = (rule: ProblemRule) => ({ ok: false as const, rule });

export type ProblemFacts = {
  state: ProblemState;
  level: number;
  /** The actor may act on any problem (problem.manage). */
  manager: boolean;
  /** The actor belongs to the responsible department (actor.departmentId === problem.departmentId). */
  departmentMember: boolean;
  /** The actor owns the project or is its leader in charge. */
  projectOwnerOrLeader: boolean;
  /** The actor may escalate this problem (problem.escalate: a manager, or the project's leader). */
  escalator: boolean;
};

/** Who may take each action: the department and the project's people work the problem. */
function allowed(action: ProblemAction, f: ProblemFacts): boolean {
  switch (action) {
    case "START":
    case "RESOLVE":
      return f.manager || f.departmentMember || f.projectOwnerOrLeader;
    case "CLOSE_UNRESOLVED":
    case "EDIT":
      return f.manager || f.projectOwnerOrLeader;
    case "REOPEN":
      return f.manager;
    case "ESCALATE":
      return f.escalator;
  }
}

/** Raising a problem on a project: its owner, its leader in charge or a manager (the use-case checks the project action). */
export function checkRaise(f: { mayRaise: boolean }): ProblemVerdict {
  return f.mayRaise ? { ok: true, next: "OPEN" } : refuse("FORBIDDEN");
}

export function checkProblemAction(action: ProblemAction, f: ProblemFacts): ProblemVerdict {
  if (!allowed(action, f)) return refuse("FORBIDDEN");
  const open = isOpenProblem(f.state);
  switch (action) {
    case "START":
      if (!open) return refuse("RULE_PROBLEM_CLOSED");
      return f.state === "OPEN" ? { ok: true, next: "IN_PROGRESS" } : refuse("RULE_PROBLEM_ALREADY_STARTED");
    case "RESOLVE":
      return open ? { ok: true, next: "RESOLVED" } : refuse("RULE_PROBLEM_CLOSED");
    case "CLOSE_UNRESOLVED":
      return open ? { ok: true, next: "CLOSED_UNRESOLVED" } : refuse("RULE_PROBLEM_CLOSED");
    case "REOPEN":
      return open ? refuse("RULE_PROBLEM_NOT_CLOSED") : { ok: true, next: "OPEN" };
    case "ESCALATE":
      if (!open) return refuse("RULE_PROBLEM_CLOSED");
      return f.level < topProblemLevel ? { ok: true, next: f.state } : refuse("RULE_PROBLEM_TOP_LEVEL");
    case "EDIT":
      return open ? { ok: true, next: f.state } : refuse("RULE_PROBLEM_CLOSED");
  }
}

/** The action a transition's target state stands for (POST …/transitions {"to"}). */
export function transitionAction(to: Exclude<ProblemState, never>): ProblemAction {
  switch (to) {
    case "IN_PROGRESS":
      return "START";
    case "RESOLVED":
      return "RESOLVE";
    case "CLOSED_UNRESOLVED":
      return "CLOSE_UNRESOLVED";
    case "OPEN":
      return "REOPEN";
  }
}

/**
 * Whether a problem is past its due date today: still open and due before today (due today is
 * not yet overdue). Dates are "YYYY-MM-DD" (Asia/Shanghai).
 */
export function problemOverdue(p: { state: ProblemState; dueDate: string }, today: string): boolean {
  return isOpenProblem(p.state) && p.dueDate < today;
}

/**
 * Proposed for the next level (the daily job): open, below the top level, not yet proposed at
 * this level, and `workingDaysAtLevel` (since levelSince) at least the configured days.
 */
export function dueForEscalationProposal(
  p: { state: ProblemState; level: number; proposed: boolean; workingDaysAtLevel: number },
  escalateDays: number,
): boolean {
  return isOpenProblem(p.state) && p.level < topProblemLevel && !p.proposed && p.workingDaysAtLevel >= escalateDays;
}
