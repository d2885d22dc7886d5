import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { linkIdsOf } from "../projects/references";
import { enterpriseEditable } from "./can-edit";
import { enterpriseChainsSchema } from "./schemas";

/**
 * An enterprise's place in the chains: its links, 龙头企业 flag, local/external, scale; by
 * whoever may change the enterprise (`canEditEnterprise`).
 */
export async function setEnterpriseChains({
  actor,
  enterpriseId,
  input,
}: {
  actor: Actor;
  enterpriseId: string;
  input: unknown;
}) {
  assertCan(actor, "enterprise.edit");
  const data = parseInput(enterpriseChainsSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "enterprises", enterpriseId))) throw new AppError("NOT_FOUND");
    if (!(await enterpriseEditable(tx, actor, enterpriseId)))
      throw new AppError("FORBIDDEN", { params: { action: "enterprise.edit" } });
    const before = await tx.enterprise.findUniqueOrThrow({
      where: { id: enterpriseId },
      include: { links: { select: { linkId: true } } },
    });
    assertVersion(before.version, data.version);
    const wanted = await linkIdsOf(tx, data.linkIds);
    await tx.enterpriseLink.deleteMany({ where: { enterpriseId } });
    await tx.enterpriseLink.createMany({ data: wanted.map((linkId) => ({ enterpriseId, linkId })) });
    const after = await tx.enterprise.update({
      where: { id: enterpriseId },
      data: { isChainLeader: data.isChainLeader, isLocal: data.isLocal, scale: data.scale, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: enterpriseId,
      action: "chains",
      before: { ...before, links: before.links.map((l) => l.linkId) },
      after: { ...after, links: wanted },
    });
    return after;
  });
}
