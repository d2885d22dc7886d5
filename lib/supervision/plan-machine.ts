// The year's plan and responsibility letter (责任书, SPEC §5) as states and actions, pure:
// no database, no clock. The use-case gathers the facts (the plan's state, and the actor's
// side from the permission table: drafter of the project, the leader named on the plan, a
// manager who may change a signed plan), asks this module, and writes what it answers.
//
// DRAFT --SAVE--> DRAFT (the owner, the leader in charge or a manager drafts and edits)
// DRAFT --SIGN--> SIGNED (签字认领: only the leader named on the plan)
// SIGNED --CHANGE--> DRAFT (only a manager, with a reason; the leader signs the changed plan again)

export const planStates = ["DRAFT", "SIGNED"] as const;
export type PlanState = (typeof planStates)[number];

export const planActions = ["SAVE", "SIGN", "CHANGE"] as const;
export type PlanAction = (typeof planActions)[number];

/**
 * Why an action is refused: FORBIDDEN (403), VALIDATION (400, with the field), or a rule of
 * the letter (422).
 */
export type PlanRule =
  | "FORBIDDEN"
  | "VALIDATION"
  | "RULE_NO_PLAN"
  | "RULE_PLAN_SIGNED"
  | "RULE_PLAN_NOT_SIGNED"
  | "RULE_PLAN_ALREADY_SIGNED";

export type PlanFacts = {
  /** The plan's state; null while the project has no plan for the year (a first save). */
  state: PlanState | null;
  /** The actor may draft the project's plan (project-scope `plan`: owner, leader in charge, manager). */
  drafter: boolean;
  /** The actor is the leader named on the plan (and still may lead projects). */
  planLeader: boolean;
  /** The actor may change a signed plan (`plan.changeSigned`). */
  changeSigned: boolean;
  /** A reason was given (required to change a signed plan). */
  hasReason: boolean;
};

export type PlanVerdict =
  { ok: true; next: PlanState } | { ok: false; rule: PlanRule; fields?: Record<string, string> };

const refuse = (rule: PlanRule, fields?: Record<string, string>): PlanVerdict => ({
  ok: false,
  rule,
  ...(fields ? { fields } : {}),
});

/** The action a save (PUT) of the plan is: an edit of the draft, or a change of the signed letter. */
export const saveActionFor = (state: PlanState | null): Extract<PlanAction, "SAVE" | "CHANGE"> =>
  state === "SIGNED" ? "CHANGE" : "SAVE";

export function checkPlanAction(action: PlanAction, f: PlanFacts): PlanVerdict {
  switch (action) {
    case "SAVE":
      if (f.state === "SIGNED") return refuse("RULE_PLAN_SIGNED");
      return f.drafter ? { ok: true, next: "DRAFT" } : refuse("FORBIDDEN");
    case "SIGN":
      if (f.state === null) return refuse("RULE_NO_PLAN");
      if (!f.planLeader) return refuse("FORBIDDEN");
      return f.state === "DRAFT" ? { ok: true, next: "SIGNED" } : refuse("RULE_PLAN_ALREADY_SIGNED");
    case "CHANGE":
      if (f.state !== "SIGNED") return refuse("RULE_PLAN_NOT_SIGNED");
      if (!f.changeSigned) return refuse("FORBIDDEN");
      if (!f.hasReason) return refuse("VALIDATION", { reason: "validation.reasonRequired" });
      return { ok: true, next: "DRAFT" };
  }
}

export const planStateOf = (plan: { signedAt: Date | string | null } | null): PlanState | null =>
  plan ? (plan.signedAt ? "SIGNED" : "DRAFT") : null;
