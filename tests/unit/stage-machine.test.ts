import { candidateTargets, checkTransition, type TransitionFacts } from "../../lib/projects/stage-machine";
import type { Stage } from "../../lib/projects/stages";

const base: TransitionFacts = {
  from: "LEAD",
  to: "NEGOTIATING",
  role: "STAFF",
  suspendedFrom: null,
  note: "",
  signingDate: null,
  contractInvestment: null,
  creditCode: null,
  completionDate: null,
  productionDate: null,
  constructionPermitIssued: false,
};
const t = (over: Partial<TransitionFacts>) => checkTransition({ ...base, ...over });
const day = new Date("2026-05-01");

describe("stage machine", () => {
  it("moves one stage forward without extra fields where none are needed", () => {
    expect(t({})).toEqual({ ok: true, override: false, kind: "forward" });
    expect(t({ from: "REGISTERED", to: "APPROVING" }).ok).toBe(true);
  });

  it("SIGNED needs the signing date and a positive contract investment", () => {
    expect(t({ from: "NEGOTIATING", to: "SIGNED" })).toEqual({
      ok: false,
      rule: "RULE_SIGNING_FIELDS",
      fields: { signingDate: "validation.required", contractInvestment: "validation.positiveAmount" },
    });
    expect(t({ from: "NEGOTIATING", to: "SIGNED", signingDate: day, contractInvestment: "0" })).toMatchObject({
      ok: false,
      fields: { contractInvestment: "validation.positiveAmount" },
    });
    expect(t({ from: "NEGOTIATING", to: "SIGNED", signingDate: day, contractInvestment: "5000.00" }).ok).toBe(true);
  });

  it("REGISTERED needs a valid credit code", () => {
    expect(t({ from: "SIGNED", to: "REGISTERED" })).toMatchObject({ ok: false, rule: "RULE_CREDIT_CODE" });
    expect(t({ from: "SIGNED", to: "REGISTERED", creditCode: "91350100M000100Y44" })).toMatchObject({
      ok: false,
      fields: { creditCode: "validation.creditCode.check" },
    });
    expect(t({ from: "SIGNED", to: "REGISTERED", creditCode: "91350100M000100Y43" }).ok).toBe(true);
  });

  it("CONSTRUCTION needs the construction permit, or a manager's override with a reason", () => {
    expect(t({ from: "APPROVING", to: "CONSTRUCTION" })).toEqual({ ok: false, rule: "RULE_CONSTRUCTION_PERMIT" });
    expect(t({ from: "APPROVING", to: "CONSTRUCTION", role: "LEADER", note: "急" })).toEqual({
      ok: false,
      rule: "RULE_CONSTRUCTION_PERMIT",
    });
    expect(t({ from: "APPROVING", to: "CONSTRUCTION", constructionPermitIssued: true })).toEqual({
      ok: true,
      override: false,
      kind: "forward",
    });
    expect(t({ from: "APPROVING", to: "CONSTRUCTION", role: "MANAGER" })).toMatchObject({
      ok: false,
      rule: "RULE_REASON_REQUIRED",
    });
    expect(t({ from: "APPROVING", to: "CONSTRUCTION", role: "MANAGER", note: "容缺开工" })).toEqual({
      ok: true,
      override: true,
      kind: "forward",
    });
  });

  it("COMPLETED and PRODUCTION need their dates", () => {
    expect(t({ from: "CONSTRUCTION", to: "COMPLETED" })).toMatchObject({ ok: false, rule: "RULE_COMPLETION_DATE" });
    expect(t({ from: "CONSTRUCTION", to: "COMPLETED", completionDate: day }).ok).toBe(true);
    expect(t({ from: "COMPLETED", to: "PRODUCTION" })).toMatchObject({ ok: false, rule: "RULE_PRODUCTION_DATE" });
    expect(t({ from: "COMPLETED", to: "PRODUCTION", productionDate: day }).ok).toBe(true);
  });

  it("skipping forward or moving back is a manager's move with a reason", () => {
    expect(t({ from: "LEAD", to: "SIGNED", signingDate: day, contractInvestment: "1" })).toEqual({
      ok: false,
      rule: "RULE_MANAGER_ONLY",
    });
    expect(t({ from: "SIGNED", to: "NEGOTIATING", role: "LEADER", note: "x" })).toEqual({
      ok: false,
      rule: "RULE_MANAGER_ONLY",
    });
    expect(t({ from: "SIGNED", to: "NEGOTIATING", role: "MANAGER" })).toMatchObject({
      ok: false,
      rule: "RULE_REASON_REQUIRED",
    });
    expect(t({ from: "SIGNED", to: "NEGOTIATING", role: "MANAGER", note: "合同作废" })).toEqual({
      ok: true,
      override: true,
      kind: "backward",
    });
    expect(t({ from: "LEAD", to: "SIGNED", role: "MANAGER", note: "补录" })).toMatchObject({
      ok: false,
      rule: "RULE_SIGNING_FIELDS",
    });
    expect(
      t({ from: "LEAD", to: "SIGNED", role: "MANAGER", note: "补录", signingDate: day, contractInvestment: "1" }),
    ).toEqual({ ok: true, override: true, kind: "skip" });
  });

  it("suspends and terminates open projects with a reason; resumes to where it was", () => {
    expect(t({ from: "NEGOTIATING", to: "SUSPENDED" })).toMatchObject({ ok: false, rule: "RULE_REASON_REQUIRED" });
    expect(t({ from: "NEGOTIATING", to: "SUSPENDED", note: "企业资金紧张" })).toEqual({
      ok: true,
      override: false,
      kind: "suspend",
    });
    expect(t({ from: "PRODUCTION", to: "TERMINATED", note: "x" })).toEqual({ ok: false, rule: "RULE_NOT_OPEN" });
    expect(t({ from: "SUSPENDED", to: "TERMINATED", note: "放弃" }).ok).toBe(true);
    expect(t({ from: "SUSPENDED", to: "NEGOTIATING", suspendedFrom: "NEGOTIATING" })).toEqual({
      ok: true,
      override: false,
      kind: "resume",
    });
    expect(t({ from: "SUSPENDED", to: "SIGNED", suspendedFrom: "NEGOTIATING" })).toEqual({
      ok: false,
      rule: "RULE_RESUME_TARGET",
    });
    expect(t({ from: "TERMINATED", to: "LEAD", role: "MANAGER", note: "x" })).toEqual({
      ok: false,
      rule: "RULE_TERMINATED_FINAL",
    });
    expect(t({ from: "LEAD", to: "LEAD" })).toEqual({ ok: false, rule: "RULE_SAME_STAGE" });
  });

  it("offers only the moves the role can make", () => {
    expect(candidateTargets("LEAD", "STAFF", null)).toEqual(["NEGOTIATING", "SUSPENDED", "TERMINATED"]);
    expect(candidateTargets("PRODUCTION", "STAFF", null)).toEqual([]);
    expect(candidateTargets("SUSPENDED", "STAFF", "SIGNED")).toEqual(["SIGNED", "TERMINATED"]);
    expect(candidateTargets("TERMINATED", "MANAGER", null)).toEqual([]);
    expect(candidateTargets("SIGNED", "MANAGER", null)).toContain("LEAD");
    expect(candidateTargets("SIGNED", "MANAGER", null)[0]).toBe("REGISTERED");
  });

  it("every offered move is either allowed or refused for a named rule", () => {
    const all: Stage[] = [
      "LEAD",
      "NEGOTIATING",
      "SIGNED",
      "REGISTERED",
      "APPROVING",
      "CONSTRUCTION",
      "COMPLETED",
      "PRODUCTION",
      "SUSPENDED",
      "TERMINATED",
    ];
    for (const from of all)
      for (const to of candidateTargets(from, "MANAGER", "LEAD")) {
        const r = t({
          from,
          to,
          role: "MANAGER",
          note: "理由",
          suspendedFrom: "LEAD",
          signingDate: day,
          contractInvestment: "1",
          creditCode: "91350100M000100Y43",
          completionDate: day,
          productionDate: day,
        });
        expect([from, to, r.ok]).toEqual([from, to, true]);
      }
  });
});
