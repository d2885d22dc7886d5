// The pipeline's transition rules (SPEC §2), pure: no database, no clock. The use-case
// (move-stage.ts) gathers the facts, asks `checkTransition`, and writes the result.
import type { Role } from "../auth/permissions";
import { creditCodeProblem } from "../enterprises/credit-code";
import { pipelineStages, type Stage } from "./stages";

export type TransitionFacts = {
  from: Stage;
  to: Stage;
  role: Role;
  /** The stage a SUSPENDED project came from. */
  suspendedFrom: Stage | null;
  note: string;
  /** The project's data after the fields sent with the transition are applied. */
  signingDate: Date | null;
  contractInvestment: string | null;
  creditCode: string | null;
  completionDate: Date | null;
  productionDate: Date | null;
  /** The construction permit (建筑工程施工许可证) item of the permit case is approved. */
  constructionPermitIssued: boolean;
};

export type TransitionRule =
  | "RULE_SAME_STAGE"
  | "RULE_TERMINATED_FINAL"
  | "RULE_NOT_OPEN"
  | "RULE_REASON_REQUIRED"
  | "RULE_MANAGER_ONLY"
  | "RULE_RESUME_TARGET"
  | "RULE_SIGNING_FIELDS"
  | "RULE_CREDIT_CODE"
  | "RULE_CONSTRUCTION_PERMIT"
  | "RULE_COMPLETION_DATE"
  | "RULE_PRODUCTION_DATE";

export type TransitionResult =
  | { ok: true; override: boolean; kind: "forward" | "skip" | "backward" | "suspend" | "terminate" | "resume" }
  | { ok: false; rule: TransitionRule; fields?: Record<string, string> };

const order = (s: Stage) => (pipelineStages as readonly Stage[]).indexOf(s);
const isPipeline = (s: Stage) => order(s) >= 0;
/** Open stages: a suspension or termination may start from them. */
const isOpen = (s: Stage) => isPipeline(s) && s !== "PRODUCTION";

const refuse = (rule: TransitionRule, fields?: Record<string, string>): TransitionResult => ({
  ok: false,
  rule,
  ...(fields ? { fields } : {}),
});

/** Fields a stage needs on entry; null when they are all there. */
export function missingForStage(to: Stage, f: TransitionFacts, managerOverride: boolean): TransitionResult | null {
  switch (to) {
    case "SIGNED": {
      const fields: Record<string, string> = {};
      if (!f.signingDate) fields.signingDate = "validation.required";
      if (!f.contractInvestment || !(Number(f.contractInvestment) > 0))
        fields.contractInvestment = "validation.positiveAmount";
      return Object.keys(fields).length ? refuse("RULE_SIGNING_FIELDS", fields) : null;
    }
    case "REGISTERED": {
      const problem = f.creditCode ? creditCodeProblem(f.creditCode) : "length";
      return problem ? refuse("RULE_CREDIT_CODE", { creditCode: `validation.creditCode.${problem}` }) : null;
    }
    case "CONSTRUCTION":
      return f.constructionPermitIssued || managerOverride ? null : refuse("RULE_CONSTRUCTION_PERMIT");
    case "COMPLETED":
      return f.completionDate ? null : refuse("RULE_COMPLETION_DATE", { completionDate: "validation.required" });
    case "PRODUCTION":
      return f.productionDate ? null : refuse("RULE_PRODUCTION_DATE", { productionDate: "validation.required" });
    case "LEAD":
    case "NEGOTIATING":
    case "APPROVING":
    case "SUSPENDED":
    case "TERMINATED":
      return null;
  }
}

/**
 * Whether `from → to` is allowed for this role with these facts. Permission to act on
 * the project at all (owner, leader, manager) is checked by the caller before this.
 */
export function checkTransition(f: TransitionFacts): TransitionResult {
  const { from, to, role } = f;
  const manager = role === "MANAGER";
  const hasReason = f.note.trim().length > 0;
  if (from === to) return refuse("RULE_SAME_STAGE");
  if (from === "TERMINATED") return refuse("RULE_TERMINATED_FINAL");

  if (to === "SUSPENDED" || to === "TERMINATED") {
    if (!(isOpen(from) || (from === "SUSPENDED" && to === "TERMINATED"))) return refuse("RULE_NOT_OPEN");
    if (!hasReason) return refuse("RULE_REASON_REQUIRED", { note: "validation.reasonRequired" });
    return { ok: true, override: false, kind: to === "SUSPENDED" ? "suspend" : "terminate" };
  }

  if (from === "SUSPENDED") {
    if (to !== f.suspendedFrom) {
      if (!manager) return refuse("RULE_RESUME_TARGET");
      if (!hasReason) return refuse("RULE_REASON_REQUIRED", { note: "validation.reasonRequired" });
      return missingForStage(to, f, true) ?? { ok: true, override: true, kind: "resume" };
    }
    return { ok: true, override: false, kind: "resume" };
  }

  const step = order(to) - order(from);
  if (step === 1) {
    // 容缺开工: a manager may start construction before the permit, with a reason.
    const permitOverride = to === "CONSTRUCTION" && !f.constructionPermitIssued && manager;
    if (permitOverride && !hasReason) return refuse("RULE_REASON_REQUIRED", { note: "validation.reasonRequired" });
    const missing = missingForStage(to, f, permitOverride);
    return missing ?? { ok: true, override: permitOverride, kind: "forward" };
  }
  // Skipping forward or moving back: a manager's decision, with a reason.
  if (!manager) return refuse("RULE_MANAGER_ONLY");
  if (!hasReason) return refuse("RULE_REASON_REQUIRED", { note: "validation.reasonRequired" });
  if (step > 1) return missingForStage(to, f, true) ?? { ok: true, override: true, kind: "skip" };
  return { ok: true, override: true, kind: "backward" };
}

/** The stages a role may try to move to from `from` (for the UI's choices). */
export function candidateTargets(from: Stage, role: Role, suspendedFrom: Stage | null): Stage[] {
  if (from === "TERMINATED") return [];
  const manager = role === "MANAGER";
  if (from === "SUSPENDED") {
    const back = manager ? [...pipelineStages] : suspendedFrom ? [suspendedFrom] : [];
    return [...back, "TERMINATED"];
  }
  const next = pipelineStages[order(from) + 1];
  // The ordinary next stage comes first (it is the form's default); a manager's other
  // choices follow.
  const others = manager ? pipelineStages.filter((s) => s !== from && s !== next) : [];
  const moves: Stage[] = [...(next ? [next] : []), ...others];
  return isOpen(from) ? [...moves, "SUSPENDED", "TERMINATED"] : moves;
}
