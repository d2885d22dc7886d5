import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { mergeSchema } from "./schemas";

/**
 * Merges a duplicate enterprise into another: its projects move to the target (their
 * enterprise name with them), the target takes the facts it lacks (credit code, region,
 * contact, local flag), and the duplicate is deleted. One transaction, both rows locked
 * and version-checked, an audit entry for each.
 */
export async function mergeEnterprises({ actor, targetId, input }: { actor: Actor; targetId: string; input: unknown }) {
  assertCan(actor, "enterprise.merge");
  const data = parseInput(mergeSchema, input);
  if (data.sourceId === targetId) throw new AppError("VALIDATION", { fields: { sourceId: "validation.mergeSelf" } });
  return getDb().$transaction(async (tx) => {
    // Lock in id order, so two merges of the same pair cannot deadlock.
    const ids = [targetId, data.sourceId].sort();
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`select id from enterprises where id in (${ids[0]}, ${ids[1]}) order by id for update`;
    if (locked.length !== 2) throw new AppError("NOT_FOUND");
    const target = await tx.enterprise.findUniqueOrThrow({ where: { id: targetId } });
    const source = await tx.enterprise.findUniqueOrThrow({ where: { id: data.sourceId } });
    if (target.version !== data.targetVersion || source.version !== data.sourceVersion) throw new AppError("CONFLICT");
    if (target.creditCode && source.creditCode && target.creditCode !== source.creditCode)
      throw new AppError("RULE_MERGE_CREDIT_CODES");

    const projects = await tx.project.findMany({
      where: { enterpriseId: source.id },
      select: { id: true, enterpriseName: true },
    });
    const moved = await tx.project.updateMany({
      where: { enterpriseId: source.id },
      data: { enterpriseId: target.id, enterpriseName: target.name, version: { increment: 1 } },
    });
    for (const p of projects) {
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Project",
        entityId: p.id,
        action: "enterprise:merge",
        before: { enterpriseId: source.id, enterpriseName: p.enterpriseName },
        after: { enterpriseId: target.id, enterpriseName: target.name },
      });
    }
    await tx.enterprise.delete({ where: { id: source.id } });
    const after = await tx.enterprise.update({
      where: { id: target.id },
      data: {
        creditCode: target.creditCode ?? source.creditCode,
        region: target.region ?? source.region,
        contact: target.contact ?? source.contact,
        isLocal: target.isLocal || source.isLocal,
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: target.id,
      action: "merge",
      before: { target, source },
      after: { ...after, movedProjects: moved.count },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: source.id,
      action: "merge:deleted",
      before: source,
      after: { mergedInto: target.id },
    });
    return { enterprise: after, movedProjects: moved.count };
  });
}
