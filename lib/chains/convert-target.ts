import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { lockRow } from "../locks";
import { insertProject } from "../projects/create-project";
import { createProjectSchema } from "../projects/schemas";
import { parseInput } from "../validation";
import { openProjectStages } from "./gaps";
import { convertSchema } from "./schemas";

/**
 * One click: an external target of a link becomes a new lead attached to that link, owned
 * by the 招商专员 named (a manager assigns it; others convert for themselves), recorded in the
 * project's and the enterprise's histories. The lead counts toward the link's coverage only
 * once it has an investment or an activity (gaps.ts countsForCoverage).
 * Idempotent: while the target has an open project on the link, that one is returned
 * (the enterprise row is locked, so a double click cannot make two).
 */
export async function convertTargetToLead({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "project.create");
  const { linkId, enterpriseId, ownerId } = parseInput(convertSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "enterprises", enterpriseId))) throw new AppError("NOT_FOUND");
    const link = await tx.chainLink.findUnique({
      where: { id: linkId },
      include: { chain: { select: { id: true, name: true, industryId: true } } },
    });
    const target = await tx.enterprise.findUniqueOrThrow({
      where: { id: enterpriseId },
      include: { links: { where: { linkId }, select: { linkId: true } } },
    });
    if (!link || target.links.length === 0) throw new AppError("RULE_NOT_A_TARGET");
    if (target.isLocal) throw new AppError("RULE_NOT_A_TARGET");
    const existing = await tx.project.findFirst({
      where: { enterpriseId, stage: { in: [...openProjectStages] }, links: { some: { linkId } } },
      select: { id: true, code: true },
    });
    if (existing) return { created: false, projectId: existing.id, code: existing.code };
    const data = parseInput(createProjectSchema, {
      name: `${target.name.replace(/(股份有限公司|有限责任公司|有限公司)$/, "")}${link.name}项目`.slice(0, 100),
      enterpriseName: target.name,
      enterpriseId,
      industryId: link.chain.industryId,
      totalInvestment: "0",
      sourceChannel: "PROFESSIONAL",
      tags: ["链式招商"],
      linkIds: [linkId],
      ownerId,
      description: `链式招商：${link.chain.name} · ${link.name}`,
    });
    const project = await insertProject(tx, actor, data, {
      action: "create:from-target",
      note: `链式招商目标转线索：${link.chain.name} · ${link.name}`,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: enterpriseId,
      action: "target:lead",
      after: { projectId: project.id, code: project.code, linkId, link: link.name, chain: link.chain.name },
    });
    return { created: true, projectId: project.id, code: project.code };
  });
}
