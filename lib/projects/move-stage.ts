import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCanOnProject, type Actor } from "../auth/permissions";
import { normalizeCreditCode } from "../enterprises/credit-code";
import { AppError } from "../errors";
import { constructionPermitIssued } from "../permits/construction-permit";
import { parseInput } from "../validation";
import { assertVersion, lockProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { transitionSchema } from "./schemas";
import { checkTransition } from "./stage-machine";

const today = () => new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date())}T00:00:00Z`);

/**
 * Moves a project to another stage (SPEC §2). One transaction: lock the project, check
 * the rule (stage-machine.ts), write the fields the stage needs, the new stage, the
 * stage-change row (firstEntry when the project never was in that stage) and the audit
 * row. A refused move throws the rule's code (HTTP 422) and writes nothing.
 */
export async function moveProjectStage({ actor, projectId, input }: { actor: Actor; projectId: string; input: unknown }) {
  const data = parseInput(transitionSchema, input);
  return getDb().$transaction(async (tx) => {
    const p = await lockProject(tx, projectId);
    assertCanOnProject(actor, p, "move");
    assertVersion(p.version, data.version);
    const creditCode = data.creditCode ? normalizeCreditCode(data.creditCode) : p.enterprise?.creditCode ?? null;
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

    const before = toProjectDetail(await tx.project.findUniqueOrThrow({ where: { id: p.id }, select: projectDetailSelect }));
    if (data.creditCode && creditCode !== p.enterprise?.creditCode) {
      const holder = await tx.enterprise.findUnique({ where: { creditCode: creditCode! }, select: { id: true } });
      if (holder && holder.id !== p.enterpriseId) throw new AppError("DUPLICATE", { fields: { creditCode: "validation.creditCodeTaken" } });
      if (p.enterpriseId) await tx.enterprise.update({ where: { id: p.enterpriseId }, data: { creditCode, version: { increment: 1 } } });
      else {
        const e = await tx.enterprise.create({ data: { name: p.enterpriseName, creditCode } });
        await tx.project.update({ where: { id: p.id }, data: { enterpriseId: e.id } });
      }
    }
    const entering = data.to;
    await tx.project.update({
      where: { id: p.id },
      data: {
        stage: entering,
        stageEnteredAt: new Date(),
        suspendedFrom: entering === "SUSPENDED" ? p.stage : null,
        closeReason: entering === "SUSPENDED" || entering === "TERMINATED" ? data.note : null,
        ...(data.signingDate ? { signingDate: data.signingDate } : {}),
        ...(data.contractInvestment ? { contractInvestment: data.contractInvestment } : {}),
        ...(data.completionDate ? { completionDate: data.completionDate } : {}),
        ...(data.productionDate ? { productionDate: data.productionDate } : {}),
        ...(entering === "REGISTERED" && !p.registrationDate ? { registrationDate: today() } : {}),
        ...(entering === "CONSTRUCTION" && !p.constructionDate ? { constructionDate: today() } : {}),
        version: { increment: 1 },
      },
    });
    const earlier = await tx.stageChange.count({ where: { projectId: p.id, toStage: entering } });
    await tx.stageChange.create({
      data: { projectId: p.id, fromStage: p.stage, toStage: entering, userId: actor.id, note: data.note, override: verdict.override, firstEntry: earlier === 0 },
    });
    const after = toProjectDetail(await tx.project.findUniqueOrThrow({ where: { id: p.id }, select: projectDetailSelect }));
    await writeAudit(tx, { actorId: actor.id, entityType: "Project", entityId: p.id, action: `stage:${p.stage}->${entering}`, before, after });
    return after;
  });
}
