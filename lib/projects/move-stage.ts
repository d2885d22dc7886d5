import "server-only";
import { getDb, type Tx } from "../db";
import { shanghaiTodayDate } from "../dates";
import { assertCanOnProject, type Actor } from "../auth/permissions";
import { normalizeCreditCode } from "../enterprises/credit-code";
import { saveProjectEnterprise } from "../enterprises/resolve";
import { AppError } from "../errors";
import { constructionPermitIssued } from "../permits/construction-permit";
import { parseInput } from "../validation";
import { assertVersion } from "../locks";
import { lockProject, type LockedProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { transitionSchema, type TransitionData } from "./schemas";
import { recordStageChange } from "./stage-changes";
import { checkTransition } from "./stage-machine";
import { recomputeWarning } from "../supervision/recompute-warning";
import { checkSigningChannel } from "../signing-weeks/signing-channel";

/**
 * Moves a project to another stage (SPEC §2). One transaction: lock the project, check
 * the rule (stage-machine.ts), write the fields the stage needs, the new stage, the
 * stage-change row and the audit row. A refused move throws the rule's code (HTTP 422)
 * and writes nothing.
 */
export async function moveProjectStage({
  actor,
  projectId,
  input,
}: {
  actor: Actor;
  projectId: string;
  input: unknown;
}) {
  const data = parseInput(transitionSchema, input);
  return getDb().$transaction(async (tx) => {
    const locked = await lockProject(tx, { actor, id: projectId });
    assertCanOnProject(actor, locked.row, "move");
    assertVersion(locked.row.version, data.version);
    return moveLockedProject(tx, { actor, locked, data });
  });
}

/**
 * The move itself, inside the caller's transaction on a project it has locked and checked
 * the actor's right to change (also used when opening a permit case moves a REGISTERED
 * project to APPROVING).
 */
export async function moveLockedProject(
  tx: Tx,
  { actor, locked, data }: { actor: Actor; locked: LockedProject; data: TransitionData },
) {
  const { row: p, before } = locked;
  const creditCode = data.creditCode ? normalizeCreditCode(data.creditCode) : (p.enterprise?.creditCode ?? null);
  const verdict = checkTransition({
    from: p.stage,
    to: data.to,
    role: actor.role,
    suspendedFrom: p.suspendedFrom,
    note: data.note,
    signingDate: data.signingDate ?? p.signingDate,
    contractInvestment: data.contractInvestment ?? p.contractInvestment?.toFixed(2) ?? null,
    creditCode,
    completionDate: data.completionDate ?? p.completionDate,
    productionDate: data.productionDate ?? p.productionDate,
    constructionPermitIssued: data.to === "CONSTRUCTION" ? await constructionPermitIssued(tx, p.id) : false,
  });
  if (!verdict.ok) throw new AppError(verdict.rule, { fields: verdict.fields, labels: "project" });
  if (data.sourceChannel) await checkSigningChannel(tx, data, data.signingDate ?? p.signingDate);

  const enterprise =
    data.creditCode && creditCode !== p.enterprise?.creditCode
      ? await saveProjectEnterprise(tx, actor, p, { name: p.enterprise?.name ?? p.enterpriseName, creditCode })
      : null;
  const entering = data.to;
  const after = toProjectDetail(
    await tx.project.update({
      where: { id: p.id },
      select: projectDetailSelect,
      data: {
        stage: entering,
        stageEnteredAt: new Date(),
        ...(enterprise ? { enterpriseId: enterprise.id } : {}),
        suspendedFrom: entering === "SUSPENDED" ? p.stage : null,
        closeReason: entering === "SUSPENDED" || entering === "TERMINATED" ? data.note : null,
        ...(data.signingDate ? { signingDate: data.signingDate } : {}),
        ...(data.contractInvestment ? { contractInvestment: data.contractInvestment } : {}),
        ...(data.completionDate ? { completionDate: data.completionDate } : {}),
        ...(data.productionDate ? { productionDate: data.productionDate } : {}),
        ...(data.sourceChannel ? { sourceChannel: data.sourceChannel } : {}),
        ...(entering === "REGISTERED" && !p.registrationDate ? { registrationDate: shanghaiTodayDate() } : {}),
        ...(entering === "CONSTRUCTION" && !p.constructionDate ? { constructionDate: shanghaiTodayDate() } : {}),
        version: { increment: 1 },
      },
    }),
  );
  await recordStageChange(tx, {
    projectId: p.id,
    from: p.stage,
    to: entering,
    actorId: actor.id,
    note: data.note,
    override: verdict.override,
    audit: { before, after },
  });
  // The stage feeds the colour (a start, a suspension, an end): recomputed in the same transaction.
  const colour = await recomputeWarning(tx, p.id, { actorId: actor.id });
  return colour ? { ...after, warning: colour.warning } : after;
}
