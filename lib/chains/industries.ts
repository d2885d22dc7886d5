import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { lockRow } from "../locks";
import { parseInput } from "../validation";
import { createIndustrySchema, updateIndustrySchema } from "./schemas";

/** Industries: 十强产业 and the district's clusters (产业集群), with their chains. */
export async function listIndustries({ actor }: { actor: Actor }) {
  assertCan(actor, "chain.read");
  const rows = await getDb().industry.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { _count: { select: { chains: true, projects: true } } },
  });
  return rows.map(({ _count, createdAt, updatedAt, ...r }) => ({
    ...r,
    chains: _count.chains,
    projects: _count.projects,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }));
}

export async function createIndustry({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(createIndustrySchema, input);
  return getDb().$transaction(async (tx) => {
    if (await tx.industry.findFirst({ where: { OR: [{ code: data.code }, { name: data.name }] } }))
      throw new AppError("DUPLICATE", { fields: { name: "validation.industryTaken" } });
    const row = await tx.industry.create({ data });
    await writeAudit(tx, { actorId: actor.id, entityType: "Industry", entityId: row.id, action: "create", after: row });
    return row;
  });
}

export async function updateIndustry({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(updateIndustrySchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "industries", id))) throw new AppError("NOT_FOUND");
    const before = await tx.industry.findUniqueOrThrow({ where: { id } });
    if (data.name && data.name !== before.name && (await tx.industry.findUnique({ where: { name: data.name } })))
      throw new AppError("DUPLICATE", { fields: { name: "validation.industryTaken" } });
    const after = await tx.industry.update({ where: { id }, data });
    await writeAudit(tx, { actorId: actor.id, entityType: "Industry", entityId: id, action: "update", before, after });
    return after;
  });
}
