import "server-only";
import { getDb } from "../db";
import { shanghaiTodayDate } from "../dates";
import { writeAudit } from "../audit/log";
import { assertCanOnProject, type Actor } from "../auth/permissions";
import { normalizeCreditCode } from "../enterprises/credit-code";
import { saveProjectEnterprise } from "../enterprises/resolve";
import { AppError } from "../errors";
import { constructionPermitIssued } from "../permits/construction-permit";
import { parseInput } from "../validation";
import { assertVersion } from "../locks";
import { lockProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { transitionSchema } from "./schemas";
import { checkTransition } from "./stage-machine";

/**
 * Moves a project to another stage (SPEC §2). One transaction: lock the project, check
 * the rule (stage-machine.ts), write the fields the stage needs, the new stage, the
 * stage-change row (firstEntry when the project never was in that stage) and the audit
 * row. A refused move throws the rule's code (HTTP 422) and writes nothing.
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
    const { row: p, before } = await lockProject(tx, projectId);
    assertCanOnProject(actor, p, "move");
    assertVersion(p.version, data.version);
    const creditCode = data.creditCode ? normalizeCreditCode(data.creditCode) : (p.enterprise?.creditCode ?? null);
    const facts = {
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
    };
    const verdict = checkTransition(facts);
    if (!verdict.ok) throw new AppError(verdict.rule, { fields: verdict.fields });

    const enterprise =
      data.creditCode && creditCode !== p.enterprise?.creditCode
        ? await saveProjectEnterprise(tx, p, { name: p.enterprise?.name ?? p.enterpriseName, creditCode })
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
          ...(entering === "REGISTERED" && !p.registrationDate ? { registrationDate: shanghaiTodayDate() } : {}),
          ...(entering === "CONSTRUCTION" && !p.constructionDate ? { constructionDate: shanghaiTodayDate() } : {}),
          version: { increment: 1 },
        },
      }),
    );
    const earlier = await tx.stageChange.count({ where: { projectId: p.id, toStage: entering } });
    await tx.stageChange.create({
      data: {
        projectId: p.id,
        fromStage: p.stage,
        toStage: entering,
        userId: actor.id,
        note: data.note,
        override: verdict.override,
        firstEntry: earlier === 0,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: p.id,
      action: `stage:${p.stage}->${entering}`,
      before,
      after,
    });
    return after;
  });
}
