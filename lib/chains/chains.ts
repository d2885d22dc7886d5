import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { createChainSchema, updateChainSchema } from "./schemas";

// Chains (产业链) of an industry, managed by MANAGER and ADMIN.

export async function createChain({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(createChainSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await tx.industry.findUnique({ where: { id: data.industryId } })))
      throw new AppError("VALIDATION", { fields: { industryId: "validation.industryMissing" } });
    if (await tx.chain.findFirst({ where: { OR: [{ code: data.code }, { name: data.name }] } }))
      throw new AppError("DUPLICATE", { fields: { name: "validation.chainTaken" } });
    const row = await tx.chain.create({ data });
    await writeAudit(tx, { actorId: actor.id, entityType: "Chain", entityId: row.id, action: "create", after: row });
    return row;
  });
}

export async function updateChain({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(updateChainSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "chains", id))) throw new AppError("NOT_FOUND");
    const before = await tx.chain.findUniqueOrThrow({ where: { id } });
    assertVersion(before.version, data.version);
    const { version: _v, ...patch } = data;
    void _v;
    const after = await tx.chain.update({ where: { id }, data: { ...patch, version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, entityType: "Chain", entityId: id, action: "update", before, after });
    return after;
  });
}
