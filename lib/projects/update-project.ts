import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCanOnProject, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { assertVersion, lockProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { industryIdOf, leaderIdOf, ownerIdOf, parkIdOf } from "./references";
import { updateProjectSchema } from "./schemas";

/**
 * Edits a project's record (not its stage: that is move-stage). Optimistic locking on
 * `version`: a stale edit is a CONFLICT and changes nothing. Changing the owner or the
 * leader in charge is a manager's decision.
 */
export async function updateProject({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  const data = parseInput(updateProjectSchema, input);
  return getDb().$transaction(async (tx) => {
    const current = await lockProject(tx, id);
    assertCanOnProject(actor, current, "update");
    assertVersion(current.version, data.version);
    const before = toProjectDetail(await tx.project.findUniqueOrThrow({ where: { id }, select: projectDetailSelect }));

    const patch: Record<string, unknown> = {};
    const copy = [
      "name", "totalInvestment", "fixedAssetInvestment", "foreignCapital", "expectedAnnualOutput", "expectedAnnualTax",
      "landArea", "sourceChannel", "keyProject", "contacts", "tags", "description", "plannedStartDate", "signingDate",
      "contractInvestment", "registrationDate", "constructionDate", "completionDate", "productionDate",
    ] as const;
    for (const key of copy) if (data[key] !== undefined) patch[key] = data[key];
    if (data.industryId !== undefined) patch.industryId = await industryIdOf(tx, data.industryId);
    if (data.parkId !== undefined) patch.parkId = await parkIdOf(tx, data.parkId);

    const newOwner = data.ownerId !== undefined ? await ownerIdOf(tx, data.ownerId) : current.ownerId;
    const newLeader = data.leaderId !== undefined ? await leaderIdOf(tx, data.leaderId) : current.leaderId;
    if (newOwner !== current.ownerId || newLeader !== current.leaderId) {
      assertCanOnProject(actor, current, "assign");
      patch.ownerId = newOwner;
      patch.leaderId = newLeader;
    }

    if (data.enterpriseName !== undefined || data.creditCode !== undefined) {
      const name = data.enterpriseName ?? current.enterpriseName;
      const creditCode = data.creditCode === undefined ? current.enterprise?.creditCode ?? null : data.creditCode;
      if (creditCode) {
        const holder = await tx.enterprise.findUnique({ where: { creditCode }, select: { id: true } });
        if (holder && holder.id !== current.enterpriseId) throw new AppError("DUPLICATE", { fields: { creditCode: "validation.creditCodeTaken" } });
      }
      const enterprise = current.enterpriseId
        ? await tx.enterprise.update({ where: { id: current.enterpriseId }, data: { name, creditCode, version: { increment: 1 } } })
        : await tx.enterprise.create({ data: { name, creditCode } });
      patch.enterpriseId = enterprise.id;
      patch.enterpriseName = enterprise.name;
      // Other projects of the same enterprise keep its name in step.
      await tx.project.updateMany({ where: { enterpriseId: enterprise.id, id: { not: id } }, data: { enterpriseName: enterprise.name } });
    }

    const changed = await tx.project.updateMany({ where: { id, version: current.version }, data: { ...patch, version: { increment: 1 } } });
    if (changed.count === 0) throw new AppError("CONFLICT");
    const after = toProjectDetail(await tx.project.findUniqueOrThrow({ where: { id }, select: projectDetailSelect }));
    await writeAudit(tx, { actorId: actor.id, entityType: "Project", entityId: id, action: "update", before, after });
    return after;
  });
}
