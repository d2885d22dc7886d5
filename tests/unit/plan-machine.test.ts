import {
  checkPlanAction,
  planActions,
  planStateOf,
  planStates,
  saveActionFor,
  type PlanAction,
  type PlanFacts,
  type PlanState,
} from "../../lib/supervision/plan-machine";

// Every state (and "no plan yet") × action, for each kind of actor. "=" allowed, staying;
// a state name: allowed, moving there; otherwise the refusal's code.
type Who = "drafter" | "leader" | "manager" | "managerNoReason" | "stranger";
const facts = (who: Who, state: PlanState | null): PlanFacts => ({
  state,
  drafter: who === "drafter" || who === "manager" || who === "managerNoReason",
  planLeader: who === "leader",
  changeSigned: who === "manager" || who === "managerNoReason",
  hasReason: who !== "managerNoReason",
});

const table: Record<"NONE" | PlanState, Record<PlanAction, Record<Who, string>>> = {
  NONE: {
    SAVE: { drafter: "DRAFT", leader: "FORBIDDEN", manager: "DRAFT", managerNoReason: "DRAFT", stranger: "FORBIDDEN" },
    SIGN: {
      drafter: "RULE_NO_PLAN",
      leader: "RULE_NO_PLAN",
      manager: "RULE_NO_PLAN",
      managerNoReason: "RULE_NO_PLAN",
      stranger: "RULE_NO_PLAN",
    },
    CHANGE: {
      drafter: "RULE_PLAN_NOT_SIGNED",
      leader: "RULE_PLAN_NOT_SIGNED",
      manager: "RULE_PLAN_NOT_SIGNED",
      managerNoReason: "RULE_PLAN_NOT_SIGNED",
      stranger: "RULE_PLAN_NOT_SIGNED",
    },
  },
  DRAFT: {
    SAVE: { drafter: "=", leader: "FORBIDDEN", manager: "=", managerNoReason: "=", stranger: "FORBIDDEN" },
    SIGN: {
      drafter: "FORBIDDEN",
      leader: "SIGNED",
      manager: "FORBIDDEN",
      managerNoReason: "FORBIDDEN",
      stranger: "FORBIDDEN",
    },
    CHANGE: {
      drafter: "RULE_PLAN_NOT_SIGNED",
      leader: "RULE_PLAN_NOT_SIGNED",
      manager: "RULE_PLAN_NOT_SIGNED",
      managerNoReason: "RULE_PLAN_NOT_SIGNED",
      stranger: "RULE_PLAN_NOT_SIGNED",
    },
  },
  SIGNED: {
    SAVE: {
      drafter: "RULE_PLAN_SIGNED",
      leader: "RULE_PLAN_SIGNED",
      manager: "RULE_PLAN_SIGNED",
      managerNoReason: "RULE_PLAN_SIGNED",
      stranger: "RULE_PLAN_SIGNED",
    },
    SIGN: {
      drafter: "FORBIDDEN",
      leader: "RULE_PLAN_ALREADY_SIGNED",
      manager: "FORBIDDEN",
      managerNoReason: "FORBIDDEN",
      stranger: "FORBIDDEN",
    },
    CHANGE: {
      drafter: "FORBIDDEN",
      leader: "FORBIDDEN",
      manager: "DRAFT",
      managerNoReason: "VALIDATION",
      stranger: "FORBIDDEN",
    },
  },
};

const who: Who[] = ["drafter", "leader", "manager", "managerNoReason", "stranger"];

describe("plan machine", () => {
  for (const state of [null, ...planStates])
    for (const action of planActions)
      it(`${state ?? "NONE"} × ${action}`, () => {
        for (const w of who) {
          const v = checkPlanAction(action, facts(w, state));
          const got = v.ok ? (v.next === state ? "=" : v.next) : v.rule;
          expect([w, got]).toEqual([w, table[state ?? "NONE"][action][w]]);
        }
      });

  it("a change without a reason names the reason field (400)", () => {
    expect(checkPlanAction("CHANGE", facts("managerNoReason", "SIGNED"))).toEqual({
      ok: false,
      rule: "VALIDATION",
      fields: { reason: "validation.reasonRequired" },
    });
  });

  it("a save of a signed plan is a change; of a draft or a new plan an edit", () => {
    expect([saveActionFor(null), saveActionFor("DRAFT"), saveActionFor("SIGNED")]).toEqual(["SAVE", "SAVE", "CHANGE"]);
  });

  it("a plan is signed when it has a signature time", () => {
    expect(planStateOf(null)).toBeNull();
    expect(planStateOf({ signedAt: null })).toBe("DRAFT");
    expect(planStateOf({ signedAt: new Date() })).toBe("SIGNED");
  });
});
