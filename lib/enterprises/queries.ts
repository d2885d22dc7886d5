import "server-only";
import { getDb, type Prisma } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { visibleProjects, withVisibleProjects } from "../projects/visibility";
import { parseInput } from "../validation";
import { findSimilarEnterprises } from "./duplicates";
import { listEnterprisesSchema } from "./schemas";

/** An enterprise's fields, with the number of its projects the actor may see. */
const enterpriseSelect = (actor: Actor) =>
  ({
    id: true,
    name: true,
    creditCode: true,
    region: true,
    isLocal: true,
    isChainLeader: true,
    scale: true,
    contact: true,
    version: true,
    updatedAt: true,
    links: { select: { linkId: true } },
    _count: { select: { projects: { where: visibleProjects(actor) } } },
  }) as const satisfies Prisma.EnterpriseSelect;

type Row = Prisma.EnterpriseGetPayload<{ select: ReturnType<typeof enterpriseSelect> }>;
const toView = ({ _count, updatedAt, links, ...e }: Row) => ({
  ...e,
  linkIds: links.map((l) => l.linkId),
  projects: _count.projects,
  updatedAt: updatedAt.toISOString(),
});
export type EnterpriseView = ReturnType<typeof toView>;

/** 企业库: search by name or credit code (trigram indexes), local/external, paged. */
export async function listEnterprises({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "enterprise.read");
  const q = parseInput(listEnterprisesSchema, query);
  const where: Prisma.EnterpriseWhereInput = {
    ...(q.q
      ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { creditCode: { startsWith: q.q.toUpperCase() } }] }
      : {}),
    ...(q.local ? { isLocal: q.local === "yes" } : {}),
  };
  const db = getDb();
  const [items, total] = await Promise.all([
    db.enterprise.findMany({
      where,
      select: enterpriseSelect(actor),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.enterprise.count({ where }),
  ]);
  return { items: items.map(toView), total, page: q.page, pageSize: q.pageSize };
}

/** One enterprise with its projects the actor may see, and the enterprises that may be the same one. */
export async function getEnterprise({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "enterprise.read");
  const db = getDb();
  const row = await db.enterprise.findUnique({ where: { id }, select: enterpriseSelect(actor) });
  if (!row) throw new AppError("NOT_FOUND");
  const [projects, similar] = await Promise.all([
    db.project.findMany({
      where: withVisibleProjects(actor, { enterpriseId: id }),
      orderBy: { createdAt: "asc" },
      select: { id: true, code: true, name: true, stage: true, totalInvestment: true },
    }),
    findSimilarEnterprises(db, { name: row.name, creditCode: null, excludeId: id }, 8),
  ]);
  const similarRows = await db.enterprise.findMany({
    where: { id: { in: similar.map((s) => s.id) } },
    select: enterpriseSelect(actor),
  });
  const byId = new Map(similarRows.map((r) => [r.id, toView(r)]));
  return {
    enterprise: toView(row),
    projects: projects.map((p) => ({ ...p, totalInvestment: p.totalInvestment.toFixed(2) })),
    similar: similar.flatMap((s) => (byId.has(s.id) ? [{ ...byId.get(s.id)!, score: s.score, reason: s.reason }] : [])),
  };
}
