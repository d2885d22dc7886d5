import "server-only";
import { getDb, type Tx } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { withVisibleProjects } from "../projects/visibility";
import { completeness, countsForCoverage, linkStatus, openProjectStages } from "./gaps";

type LinkCounts = { linkId: string; local: number; open: number };

/** Local enterprises and open projects per link of the given chains (two grouped queries). */
async function countsByLink(db: Tx, chainIds: string[]): Promise<Map<string, LinkCounts>> {
  const rows = await db.$queryRaw<LinkCounts[]>`
    select l.id as "linkId",
           (select count(*)::int from enterprise_links el join enterprises e on e.id = el."enterpriseId" where el."linkId" = l.id and e."isLocal") as local,
           (select count(*)::int from project_links pl join projects p on p.id = pl."projectId"
             where pl."linkId" = l.id and p.stage::text = any(${[...openProjectStages]})
               -- countsForCoverage (gaps.ts): a lead counts once it has an investment or an activity
               and (p.stage <> 'LEAD' or p."totalInvestment" > 0
                    or exists (select 1 from project_activities a where a."projectId" = p.id))) as open
      from chain_links l
     where l."chainId" = any(${chainIds})`;
  return new Map(rows.map((r) => [r.linkId, r]));
}

/** Chains with their industry and completeness (GET /api/v1/chains). */
export async function listChains({ actor }: { actor: Actor }) {
  assertCan(actor, "chain.read");
  const db = getDb();
  const chains = await db.chain.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      industry: { select: { code: true, name: true } },
      links: { select: { id: true, targetCount: true } },
    },
  });
  const counts = await countsByLink(
    db,
    chains.map((c) => c.id),
  );
  return chains.map((c) => {
    const links = c.links.map((l) => ({
      localEnterprises: counts.get(l.id)?.local ?? 0,
      openProjects: counts.get(l.id)?.open ?? 0,
      targetCount: l.targetCount,
    }));
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      description: c.description,
      industry: c.industry.code,
      industryName: c.industry.name,
      links: links.length,
      missing: links.filter((l) => linkStatus(l.localEnterprises, l.openProjects, l.targetCount) === "MISSING").length,
      weak: links.filter((l) => linkStatus(l.localEnterprises, l.openProjects, l.targetCount) === "WEAK").length,
      completeness: completeness(links),
    };
  });
}

/**
 * The gap analysis of one chain (GET /api/v1/chains/{id}/gaps): every link with its
 * local enterprises, open projects, status and, for missing and weak links, the external
 * targets (each with the lead made from it, if any). The counts and statuses are the
 * chain's, over every project; the projects listed, and a target's lead, only those the
 * actor may see.
 */
export async function chainGaps({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "chain.read");
  const db = getDb();
  const chain = await db.chain.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      version: true,
      industry: { select: { id: true, code: true, name: true } },
      links: {
        orderBy: [{ position: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          position: true,
          parentId: true,
          targetCount: true,
          importance: true,
          sortOrder: true,
          version: true,
          enterprises: {
            select: {
              enterprise: {
                select: {
                  id: true,
                  name: true,
                  isLocal: true,
                  isChainLeader: true,
                  region: true,
                  scale: true,
                  creditCode: true,
                },
              },
            },
          },
          projects: {
            select: {
              project: {
                select: {
                  id: true,
                  code: true,
                  name: true,
                  stage: true,
                  enterpriseId: true,
                  enterpriseName: true,
                  totalInvestment: true,
                  _count: { select: { activities: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!chain) throw new AppError("NOT_FOUND");
  const onLinks = [...new Set(chain.links.flatMap((l) => l.projects.map((p) => p.project.id)))];
  const visible = new Set(
    (
      await db.project.findMany({ where: withVisibleProjects(actor, { id: { in: onLinks } }), select: { id: true } })
    ).map((p) => p.id),
  );
  const open = new Set<string>(openProjectStages);
  const links = chain.links.map((l) => {
    const local = l.enterprises.map((e) => e.enterprise).filter((e) => e.isLocal);
    // The link's open projects; coverage counts those that are real (countsForCoverage).
    const openOnes = l.projects.map((p) => p.project).filter((p) => open.has(p.stage));
    const counting = openOnes.filter((p) =>
      countsForCoverage({
        stage: p.stage,
        totalInvestment: p.totalInvestment.toFixed(2),
        activities: p._count.activities,
      }),
    );
    const status = linkStatus(local.length, counting.length, l.targetCount);
    const external = l.enterprises.map((e) => e.enterprise).filter((e) => !e.isLocal);
    return {
      id: l.id,
      name: l.name,
      position: l.position,
      parentId: l.parentId,
      targetCount: l.targetCount,
      importance: l.importance,
      sortOrder: l.sortOrder,
      version: l.version,
      status,
      localEnterprises: local.length,
      openProjects: counting.length,
      enterprises: local.map(({ id, name, isChainLeader, region, scale }) => ({
        id,
        name,
        isChainLeader,
        region,
        scale,
      })),
      projects: openOnes
        .filter((p) => visible.has(p.id))
        .map((p) => ({
          id: p.id,
          code: p.code,
          name: p.name,
          stage: p.stage,
          enterpriseName: p.enterpriseName,
          totalInvestment: p.totalInvestment.toFixed(2),
          /** Counted toward coverage (a bare lead is listed, not counted). */
          counts: counting.includes(p),
        })),
      targets:
        status === "COVERED"
          ? []
          : external.map(({ id, name, region, scale, isChainLeader }) => ({
              id,
              name,
              region,
              scale,
              isChainLeader,
              leadProjectId:
                l.projects.find(
                  (p) => p.project.enterpriseId === id && open.has(p.project.stage) && visible.has(p.project.id),
                )?.project.id ?? null,
            })),
    };
  });
  return {
    chain: {
      id: chain.id,
      code: chain.code,
      name: chain.name,
      description: chain.description,
      industry: chain.industry.code,
      industryName: chain.industry.name,
      version: chain.version,
    },
    completeness: completeness(links),
    links,
  };
}
export type ChainGaps = Awaited<ReturnType<typeof chainGaps>>;
