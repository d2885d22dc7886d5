import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { createLinkSchema, updateLinkSchema } from "./schemas";

// The links (环节) of a chain, in a tree from upstream to downstream.

/** A parent must be a link of the same chain, and never the link itself or one below it. */
async function checkParent(tx: Tx, chainId: string, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor; depth++) {
    if (cursor === selfId || depth > 50)
      throw new AppError("VALIDATION", { fields: { parentId: "validation.linkCycle" } });
    const node: { chainId: string; parentId: string | null } | null = await tx.chainLink.findUnique({
      where: { id: cursor },
      select: { chainId: true, parentId: true },
    });
    if (!node || node.chainId !== chainId)
      throw new AppError("VALIDATION", { fields: { parentId: "validation.linkMissing" } });
    cursor = node.parentId;
  }
}

export async function createLink({ actor, chainId, input }: { actor: Actor; chainId: string; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(createLinkSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await tx.chain.findUnique({ where: { id: chainId } }))) throw new AppError("NOT_FOUND");
    await checkParent(tx, chainId, data.parentId);
    if (await tx.chainLink.findUnique({ where: { chainId_name: { chainId, name: data.name } } }))
      throw new AppError("DUPLICATE", { fields: { name: "validation.linkTaken" } });
    const row = await tx.chainLink.create({ data: { ...data, chainId } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Chain",
      entityId: chainId,
      action: "link:create",
      after: row,
    });
    return row;
  });
}

export async function updateLink({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(updateLinkSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "chain_links", id))) throw new AppError("NOT_FOUND");
    const before = await tx.chainLink.findUniqueOrThrow({ where: { id } });
    assertVersion(before.version, data.version);
    if (data.parentId !== undefined) await checkParent(tx, before.chainId, data.parentId, id);
    if (
      data.name &&
      data.name !== before.name &&
      (await tx.chainLink.findUnique({ where: { chainId_name: { chainId: before.chainId, name: data.name } } }))
    ) {
      throw new AppError("DUPLICATE", { fields: { name: "validation.linkTaken" } });
    }
    const { version: _v, ...patch } = data;
    void _v;
    const after = await tx.chainLink.update({ where: { id }, data: { ...patch, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Chain",
      entityId: before.chainId,
      action: "link:update",
      before,
      after,
    });
    return after;
  });
}

/** A link with sub-links, enterprises or projects is kept (move or clear them first). */
export async function deleteLink({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "chain.manage");
  return getDb().$transaction(async (tx) => {
    const link = await tx.chainLink.findUnique({
      where: { id },
      include: { _count: { select: { children: true, enterprises: true, projects: true } } },
    });
    if (!link) throw new AppError("NOT_FOUND");
    if (link._count.children || link._count.enterprises || link._count.projects) throw new AppError("RULE_LINK_IN_USE");
    await tx.chainLink.delete({ where: { id } });
    const { _count, ...before } = link;
    void _count;
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Chain",
      entityId: link.chainId,
      action: "link:delete",
      before,
    });
    return { ok: true };
  });
}
