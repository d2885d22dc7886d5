import "server-only";
import { assertCan, canOnProject, projectScope, type Actor } from "../auth/permissions";
import { isoDate, shanghaiTodayDate } from "../dates";
import { getDb, type Prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import type { Locale } from "../i18n/config";
import { overriderNames, warningFields, warningSelect, type WarningFields } from "../supervision/warning-view";
import { projectDetailSelect, projectViewFor, toProjectDetail } from "./project-view";
import { listProjectsSchema, type ListProjectsQuery } from "./schemas";
import { readableSections } from "./sections";
import { candidateTargets } from "./stage-machine";
import { activeStages, stages, type Stage } from "./stages";
import { assertProjectVisible, withVisibleProjects } from "./visibility";

export const projectListSelect = {
  id: true,
  code: true,
  name: true,
  enterpriseName: true,
  stage: true,
  ...warningSelect,
  keyProject: true,
  totalInvestment: true,
  signingDate: true,
  sourceChannel: true,
  ownerId: true,
  leaderId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  industry: { select: { code: true, name: true } },
  park: { select: { code: true, name: true } },
  owner: { select: { displayName: true } },
  leader: { select: { displayName: true } },
} as const satisfies Prisma.ProjectSelect;

type ProjectListRow = Prisma.ProjectGetPayload<{ select: typeof projectListSelect }>;

/** The JSON shape of SPEC §10 (money as a decimal string in 万元). */
export function toProjectListItem(p: ProjectListRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    enterpriseName: p.enterpriseName,
    stage: p.stage,
    industry: p.industry.code,
    industryName: p.industry.name,
    park: p.park?.code ?? null,
    parkName: p.park?.name ?? null,
    totalInvestment: p.totalInvestment.toFixed(2),
    signingDate: isoDate(p.signingDate),
    sourceChannel: p.sourceChannel,
    keyProject: p.keyProject,
    ownerId: p.ownerId,
    ownerName: p.owner.displayName,
    leaderId: p.leaderId,
    leaderName: p.leader?.displayName ?? null,
    warning: p.warning,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
/** A row of the grid and of GET /api/v1/projects: with its colour's reasons and override. */
export type ProjectListItem = ReturnType<typeof toProjectListItem> & WarningFields;

/**
 * The pieces a project's `searchGrams` must all contain for the text to occur in it: the
 * text itself when it has one or two characters, else its two-character pieces (the same
 * lower-casing and blank-skipping as the column's SQL function crm_search_grams).
 */
export function searchGramsOf(text: string): string[] {
  const chars = [...text.toLowerCase()];
  if (chars.length <= 2) return [chars.join("")];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    if (!/\s/.test(g)) grams.add(g);
  }
  return [...grams];
}

/**
 * 只看我的: the projects the actor works on, by the scope of their right to change projects
 * (the permission table): a STAFF member's own, a LEADER's led ones; for those who may change
 * every project (managers), the ones they own or lead.
 */
export function mineWhere(actor: Actor): Prisma.ProjectWhereInput {
  const scope = projectScope(actor.role, "update");
  if (scope === "own") return { ownerId: actor.id };
  if (scope === "led") return { leaderId: actor.id };
  return { OR: [{ ownerId: actor.id }, { leaderId: actor.id }] };
}

/** Whether 只看我的 means anything for the actor (they own or lead projects), and whether it is their grid's default view. */
export function mineView(actor: Actor) {
  const scope = projectScope(actor.role, "update");
  return { offered: scope !== null, byDefault: scope === "own" };
}

/**
 * The grid's URL as the list and its export read it: those who work on their own projects
 * (STAFF) see them first, and all with one click (`mine=0`). The API's default stays all.
 */
export function withDefaultView<P extends Record<string, string | undefined>>(actor: Actor, params: P): P {
  return params.mine === undefined && mineView(actor).byDefault ? { ...params, mine: "1" } : params;
}

/**
 * 未跟进: projects at work (an active stage), older than `days`, without an activity dated in
 * the last `days` days (SPEC §2's timeline; anti-join on the index project_activities (projectId, date)).
 */
export function stalledWhere(days: number, today = shanghaiTodayDate()): Prisma.ProjectWhereInput {
  const since = new Date(today.getTime() - days * 86_400_000);
  return {
    stage: { in: [...activeStages] },
    createdAt: { lt: since },
    activities: { none: { date: { gte: since } } },
  };
}

/**
 * 首次进入: the project's first entry into `stage` (stage_changes.firstEntry) within the days
 * `from`–`to` (inclusive, Asia/Shanghai; either may be open), through the index
 * stage_changes (toStage, firstEntry, createdAt). The dashboard's clean counts link here.
 */
export function enteredWhere(stage: Stage, from?: Date, to?: Date): Prisma.ProjectWhereInput {
  const day = (d: Date) => new Date(`${isoDate(d)}T00:00:00+08:00`);
  return {
    stageChanges: {
      some: {
        toStage: stage,
        firstEntry: true,
        createdAt: {
          ...(from ? { gte: day(from) } : {}),
          ...(to ? { lt: new Date(day(to).getTime() + 86_400_000) } : {}),
        },
      },
    },
  };
}

/**
 * The grid's reference filters, each resolved to the ids it names: an industry or park by id,
 * code or name, a person (owner, leader) by id or username, a chain by id or code. Missing
 * when the filter is not set; empty when it names nothing (then nothing matches).
 */
export type ProjectRefs = Partial<Record<"industry" | "park" | "owner" | "leader" | "chain", string[]>>;

/**
 * Looks the reference filters up once (a few primary-key and unique-index reads), so that the
 * statements over projects filter on their own columns ("industryId" = …) and use the indexes
 * on them, rather than joining every project to the table a name lives in.
 */
export async function resolveProjectRefs(
  q: Pick<ListProjectsQuery, "industry" | "park" | "owner" | "leader" | "chain">,
): Promise<ProjectRefs> {
  const db = getDb();
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const select = { id: true } as const;
  const [industry, park, owner, leader, chain] = await Promise.all([
    q.industry
      ? db.industry.findMany({
          where: { OR: [{ id: q.industry }, { code: q.industry }, { name: q.industry }] },
          select,
        })
      : undefined,
    q.park
      ? db.park.findMany({ where: { OR: [{ id: q.park }, { code: q.park }, { name: q.park }] }, select })
      : undefined,
    q.owner ? db.user.findMany({ where: { OR: [{ id: q.owner }, { username: q.owner }] }, select }) : undefined,
    q.leader ? db.user.findMany({ where: { OR: [{ id: q.leader }, { username: q.leader }] }, select }) : undefined,
    q.chain ? db.chain.findMany({ where: { OR: [{ id: q.chain }, { code: q.chain }] }, select }) : undefined,
  ]);
  const refs: ProjectRefs = {};
  if (industry) refs.industry = ids(industry);
  if (park) refs.park = ids(park);
  if (owner) refs.owner = ids(owner);
  if (leader) refs.leader = ids(leader);
  if (chain) refs.chain = ids(chain);
  return refs;
}

/** The grid's filters as a where clause; the reference filters as resolved by `resolveProjectRefs`. */
export function projectWhere(q: ListProjectsQuery, actor: Actor, refs: ProjectRefs): Prisma.ProjectWhereInput {
  const and: Prisma.ProjectWhereInput[] = [];
  if (q.mine) and.push(mineWhere(actor));
  if (q.stalled) and.push(stalledWhere(q.stalled));
  if (q.stage) and.push({ stage: q.stage });
  if (q.warning) and.push({ warning: q.warning });
  if (refs.industry) and.push({ industryId: { in: refs.industry } });
  if (refs.park) and.push({ parkId: { in: refs.park } });
  if (refs.owner) and.push({ ownerId: { in: refs.owner } });
  if (refs.leader) and.push({ leaderId: { in: refs.leader } });
  if (q.key !== undefined) and.push({ keyProject: q.key });
  if (q.link) and.push({ links: { some: { linkId: q.link } } });
  // Through the primary key (jobId, projectId) of import_job_projects, written with each imported row.
  if (q.importJob) and.push({ importedBy: { some: { jobId: q.importJob } } });
  if (refs.chain) and.push({ links: { some: { link: { chainId: { in: refs.chain } } } } });
  if (q.channel) and.push({ sourceChannel: q.channel });
  if (q.entered) and.push(enteredWhere(q.entered, q.enteredFrom, q.enteredTo));
  if (q.minInvestment) and.push({ totalInvestment: { gte: q.minInvestment } });
  if (q.maxInvestment) and.push({ totalInvestment: { lte: q.maxInvestment } });
  if (q.signedFrom) and.push({ signingDate: { gte: q.signedFrom } });
  if (q.signedTo) and.push({ signingDate: { lte: q.signedTo } });
  if (q.updatedFrom) and.push({ updatedAt: { gte: q.updatedFrom } });
  if (q.updatedTo) and.push({ updatedAt: { lt: new Date(q.updatedTo.getTime() + 86_400_000) } });
  if (q.q) {
    // Every search goes through the search-grams GIN index (one- and two-character pieces,
    // which Chinese text needs: trigram indexes cannot serve 海创); a longer text is then
    // matched exactly.
    and.push({ searchGrams: { hasEvery: searchGramsOf(q.q) } });
    if ([...q.q].length > 2) {
      and.push({
        OR: [
          { name: { contains: q.q, mode: "insensitive" } },
          { enterpriseName: { contains: q.q, mode: "insensitive" } },
          { code: { contains: q.q, mode: "insensitive" } },
        ],
      });
    }
  }
  return and.length ? { AND: and } : {};
}

/** From this many skipped rows on, a page is read in two steps (ids, then rows). */
const DEFERRED_JOIN_FROM = 1000;

export async function listProjects({
  actor,
  query,
  locale = "zh-CN",
}: {
  actor: Actor;
  query: unknown;
  /** The language of the colours' reasons. */
  locale?: Locale;
}) {
  assertCan(actor, "project.read");
  const q = parseInput(listProjectsSchema, query);
  const where = withVisibleProjects(actor, projectWhere(q, actor, await resolveProjectRefs(q)));
  const db = getDb();
  const orderBy = [{ [q.sort]: q.order }, { id: "asc" as const }];
  const skip = (q.page - 1) * q.pageSize;
  const page = async () => {
    if (skip < DEFERRED_JOIN_FROM)
      return db.project.findMany({ where, select: projectListSelect, orderBy, skip, take: q.pageSize });
    // A deep page: find its ids first (index only, nothing joined for the skipped rows),
    // then read those rows with their relations.
    const ids = (await db.project.findMany({ where, select: { id: true }, orderBy, skip, take: q.pageSize })).map(
      (r) => r.id,
    );
    const rows = await db.project.findMany({ where: { id: { in: ids } }, select: projectListSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const [rows, total] = await Promise.all([page(), db.project.count({ where })]);
  const names = await overriderNames(db, rows);
  return {
    items: rows.map((r) => ({ ...toProjectListItem(r), ...warningFields(r, locale, names) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Number of projects and their total investment per stage, every stage present. */
export async function projectStageSummary({ actor, mine }: { actor: Actor; mine?: boolean }) {
  assertCan(actor, "project.read");
  const where = withVisibleProjects(actor, mine ? mineWhere(actor) : {});
  const groups = await getDb().project.groupBy({
    by: ["stage"],
    where,
    _count: { _all: true },
    _sum: { totalInvestment: true },
  });
  const byStage = new Map(groups.map((g) => [g.stage, g]));
  return stages.map((stage: Stage) => ({
    stage,
    count: byStage.get(stage)?._count._all ?? 0,
    totalInvestment: byStage.get(stage)?._sum.totalInvestment?.toFixed(2) ?? "0.00",
  }));
}

/**
 * One project with what the viewer may do with it (the project page and the API): 404 unless
 * the actor may see it; its contacts and the sections beyond the basics and the case only
 * for those who may read the bureau's work on it.
 */
export async function getProject({ actor, id, locale = "zh-CN" }: { actor: Actor; id: string; locale?: Locale }) {
  assertCan(actor, "project.read");
  const row = await getDb().project.findFirst({
    where: withVisibleProjects(actor, { id }),
    select: projectDetailSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  const work = canOnProject(actor, row, "readWork");
  const project = {
    ...projectViewFor(toProjectDetail(row), { work }),
    ...warningFields(row, locale, await overriderNames(getDb(), [row])),
  };
  const allowed = {
    update: canOnProject(actor, row, "update"),
    move: canOnProject(actor, row, "move"),
    activity: canOnProject(actor, row, "activity"),
    attach: canOnProject(actor, row, "attach"),
    assign: canOnProject(actor, row, "assign"),
    permit: canOnProject(actor, row, "permit"),
  };
  const targets = allowed.move ? candidateTargets(row.stage, actor.role, row.suspendedFrom) : [];
  return { project, allowed, targets, sections: readableSections({ work }) };
}

/** The stage history of a project, newest first. */
export async function listStageChanges({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "project.read");
  await assertProjectVisible(getDb(), { actor, projectId, part: "work" });
  const rows = await getDb().stageChange.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      fromStage: true,
      toStage: true,
      note: true,
      override: true,
      firstEntry: true,
      createdAt: true,
      user: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    userName: r.user.displayName,
    user: undefined,
    createdAt: r.createdAt.toISOString(),
  }));
}
