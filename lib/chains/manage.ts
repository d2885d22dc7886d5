import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { codeField, idRef, versionField } from "../schemas";
import { linkIdsOf } from "../projects/references";
import { parseInput } from "../validation";

const positions = ["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"] as const;
const version = versionField;

const chainSchema = z.object({
  code: codeField,
  name: z.string().trim().min(1, "validation.required").max(60),
  industryId: idRef,
  description: z.string().trim().max(1000).default(""),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});
const linkSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60),
  position: z.enum(positions, "validation.choice"),
  parentId: z.preprocess((v) => (v === "" ? null : v), idRef.nullable().default(null)),
  targetCount: z.coerce
    .number({ error: "validation.count" })
    .int("validation.count")
    .min(0, "validation.count")
    .max(1000, "validation.count")
    .default(1),
  importance: z.coerce
    .number({ error: "validation.importance" })
    .int("validation.importance")
    .min(1, "validation.importance")
    .max(5, "validation.importance")
    .default(3),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});

export async function createChain({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "chain.manage");
  const data = parseInput(chainSchema, input);
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
  const data = parseInput(chainSchema.omit({ code: true }).partial().extend({ version }), input);
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
  const data = parseInput(linkSchema, input);
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
  const data = parseInput(linkSchema.partial().extend({ version }), input);
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

const enterpriseChainSchema = z.object({
  linkIds: z.array(idRef).max(50),
  isChainLeader: z.boolean(),
  isLocal: z.boolean(),
  scale: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(20).nullable()),
  version,
});

/** An enterprise's place in the chains: its links, 龙头企业 flag, local/external, scale. */
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
  const data = parseInput(enterpriseChainSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "enterprises", enterpriseId))) throw new AppError("NOT_FOUND");
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
