// The 七证合一 case and its items as states and actions (SPEC §3), pure: no database, no
// clock. Use-cases gather the facts (the states, whether the actor is the applicant or an
// approver of the item's department — both from the permission table), ask this module,
// and write what it answers. Every "is the case open", "may the application change" and
// "what does the case become" lives here and nowhere else.
import type { Stage } from "../projects/stages";

export const caseStates = ["DRAFT", "SUBMITTED", "IN_REVIEW", "ISSUED", "REJECTED"] as const;
export type CaseState = (typeof caseStates)[number];
export const itemStates = ["PENDING", "APPROVED", "RETURNED", "REJECTED"] as const;
export type ItemState = (typeof itemStates)[number];

/** Cases under review: their items are with the departments (for queries: `state: { in: … }`). */
export const openCaseStates = ["SUBMITTED", "IN_REVIEW"] as const satisfies readonly CaseState[];
/** Items still waiting for a decision or for 补正. */
export const waitingItemStates = ["PENDING", "RETURNED"] as const satisfies readonly ItemState[];
/** Of those, the ones an approver decides (their 待办; `checkItemAction` agrees). */
export const decidableItemStates = ["PENDING"] as const satisfies readonly ItemState[];
/** Of those, the ones waiting for the applicant's 补正: their clock stands, nobody at the department acts. */
export const pausedItemStates = ["RETURNED"] as const satisfies readonly ItemState[];
/** Project stages from which the owner opens the case. */
export const openingStages = ["SIGNED", "REGISTERED", "APPROVING"] as const satisfies readonly Stage[];

export type PermitRule =
  | "FORBIDDEN"
  | "RULE_PERMIT_CASE_STAGE"
  | "RULE_PERMIT_CASE_EXISTS"
  | "RULE_PERMIT_APPLICATION_LOCKED"
  | "RULE_PERMIT_NOT_DRAFT"
  | "RULE_PERMIT_CASE_CLOSED"
  | "RULE_PERMIT_ITEM_NOT_PENDING"
  | "RULE_PERMIT_ITEM_NOT_RETURNED";

export type Verdict<S> = { ok: true; next: S } | { ok: false; rule: PermitRule };

const refuse = (rule: PermitRule) => ({ ok: false as const, rule });

export const isCaseOpen = (state: CaseState) => (openCaseStates as readonly CaseState[]).includes(state);

// ---- The case -------------------------------------------------------------------------

export const caseActions = ["EDIT_APPLICATION", "CHANGE_FAST_TRACK", "ADD_DOCUMENT", "SUBMIT"] as const;
export type CaseAction = (typeof caseActions)[number];

export type CaseFacts = {
  state: CaseState;
  /** Some item waits for 补正 (RETURNED). */
  hasReturnedItems: boolean;
  /** The actor may act for the project's side (owner, leader, manager: project.permit). */
  applicant: boolean;
};

/**
 * What the applicant may do with the case: the application and its documents change while
 * the case is a draft, or while an item waits for 补正 (the departments read the corrected
 * version); the fast-track choice and the submission only while it is a draft.
 */
export function checkCaseAction(action: CaseAction, f: CaseFacts): Verdict<CaseState> {
  if (!f.applicant) return refuse("FORBIDDEN");
  switch (action) {
    case "EDIT_APPLICATION":
    case "ADD_DOCUMENT":
      return f.state === "DRAFT" || (isCaseOpen(f.state) && f.hasReturnedItems)
        ? { ok: true, next: f.state }
        : refuse("RULE_PERMIT_APPLICATION_LOCKED");
    case "CHANGE_FAST_TRACK":
      return f.state === "DRAFT" ? { ok: true, next: f.state } : refuse("RULE_PERMIT_APPLICATION_LOCKED");
    case "SUBMIT":
      return f.state === "DRAFT" ? { ok: true, next: "SUBMITTED" } : refuse("RULE_PERMIT_NOT_DRAFT");
  }
}

/** Opening the project's one case: from 签约, 落地注册 or 手续办理, once. */
export function checkOpenCase(f: { projectStage: Stage; caseExists: boolean; applicant: boolean }): Verdict<CaseState> {
  if (!f.applicant) return refuse("FORBIDDEN");
  if (!(openingStages as readonly Stage[]).includes(f.projectStage)) return refuse("RULE_PERMIT_CASE_STAGE");
  if (f.caseExists) return refuse("RULE_PERMIT_CASE_EXISTS");
  return { ok: true, next: "DRAFT" };
}

/**
 * The case follows its items after each decision: REJECTED when one is rejected, ISSUED
 * (七证同发) when all are approved, else IN_REVIEW.
 */
export function caseStateAfter(items: readonly ItemState[]): Extract<CaseState, "IN_REVIEW" | "ISSUED" | "REJECTED"> {
  if (items.includes("REJECTED")) return "REJECTED";
  if (items.length > 0 && items.every((s) => s === "APPROVED")) return "ISSUED";
  return "IN_REVIEW";
}

// ---- The items ------------------------------------------------------------------------

export const itemActions = ["APPROVE", "RETURN", "REJECT", "RESUBMIT"] as const;
export type ItemAction = (typeof itemActions)[number];
export type Decision = Exclude<ItemAction, "RESUBMIT">;

export type ItemFacts = {
  caseState: CaseState;
  itemState: ItemState;
  /** The actor decides permits (permit.decide) for the item's department. */
  approverOfItem: boolean;
  /** The actor may act for the project's side (project.permit). */
  applicant: boolean;
};

const decided: Record<Decision, ItemState> = { APPROVE: "APPROVED", RETURN: "RETURNED", REJECT: "REJECTED" };

/**
 * An approver decides a pending item of their own department while the case is under
 * review; the applicant resubmits a returned one (补正), which makes it pending again.
 */
export function checkItemAction(action: ItemAction, f: ItemFacts): Verdict<ItemState> {
  if (action === "RESUBMIT") {
    if (!f.applicant) return refuse("FORBIDDEN");
    if (!isCaseOpen(f.caseState)) return refuse("RULE_PERMIT_CASE_CLOSED");
    return f.itemState === "RETURNED" ? { ok: true, next: "PENDING" } : refuse("RULE_PERMIT_ITEM_NOT_RETURNED");
  }
  if (!f.approverOfItem) return refuse("FORBIDDEN");
  if (!isCaseOpen(f.caseState)) return refuse("RULE_PERMIT_CASE_CLOSED");
  return f.itemState === "PENDING" ? { ok: true, next: decided[action] } : refuse("RULE_PERMIT_ITEM_NOT_PENDING");
}
