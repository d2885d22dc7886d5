import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday, storedDate } from "../dates";
import { getDb, type Decimal, type Prisma } from "../db";
import { sumGroups } from "../reports/sum-groups";
import type { Locale } from "../i18n/config";
import { listProjectsSchema } from "../projects/schemas";
import { projectWhere } from "../projects/queries";
import { pipelineStages, type Stage } from "../projects/stages";
import { withVisibleProjects } from "../projects/visibility";
import { localizeReasons } from "../supervision/warning-view";
import { parseInput } from "../validation";
import { resolveWarRoomFilters } from "./filters";
import { CARDS_PER_COLUMN, MARKERS_PER_PARK, RED_LIST_SIZE, warRoomQuerySchema } from "./schemas";

// 挂图作战 (SPEC §8, §10): the pipeline as columns, the parks as a plan, the red list. Every
// figure is over all matching projects; only the cards, markers and rows shown are capped.

/** The stages on the board: the pipeline, LEAD to PRODUCTION (暂缓 and 终止 rest off the wall). */
export const boardStages = pipelineStages;

const cardSelect = {
  id: true,
  code: true,
  name: true,
  enterpriseName: true,
  stage: true,
  totalInvestment: true,
  warning: true,
  warningReasons: true,
  park: { select: { code: true, name: true } },
  leader: { select: { id: true, displayName: true } },
} as const satisfies Prisma.ProjectSelect;

// The enum's order is NONE, BLUE, YELLOW, RED: descending puts the reddest first. All three
// descending, so that the indexes (stage | parkId, warning, totalInvestment, id) read it backwards.
const cardOrder = [
  { warning: "desc" },
  { totalInvestment: "desc" },
  { id: "desc" },
] as const satisfies Prisma.ProjectOrderByWithRelationInput[];

type CardRow = Prisma.ProjectGetPayload<{ select: typeof cardSelect }>;

function toCard(p: CardRow, locale: Locale) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    enterpriseName: p.enterpriseName,
    stage: p.stage,
    park: p.park?.code ?? null,
    parkName: p.park?.name ?? null,
    investment: p.totalInvestment.toFixed(2),
    warning: p.warning,
    warningReasons: localizeReasons(p.warningReasons, locale).map((r) => ({ code: r.code, message: r.message })),
    leaderId: p.leader?.id ?? null,
    leaderName: p.leader?.displayName ?? null,
  };
}
export type WarRoomCard = ReturnType<typeof toCard>;

const money = (d: Decimal | null | undefined) => d?.toFixed(2) ?? "0.00";

/** Whole days from the Shanghai date of `at` to today's. */
function daysSince(at: Date, today: string) {
  return Math.round((storedDate(today).getTime() - storedDate(shanghaiToday(at)).getTime()) / 86_400_000);
}

export async function warRoom({
  actor,
  query,
  locale = "zh-CN",
  now = new Date(),
}: {
  actor: Actor;
  query: unknown;
  locale?: Locale;
  now?: Date;
}) {
  assertCan(actor, "project.read");
  const filters = parseInput(warRoomQuerySchema, query);
  const refs = await resolveWarRoomFilters(filters);
  // The grid's own filter (its defaults for the rest: no 只看我的, no search), seen as the grid sees it.
  const matching = projectWhere(listProjectsSchema.parse(filters), actor, refs);
  const where = (extra: Prisma.ProjectWhereInput) => withVisibleProjects(actor, { AND: [matching, extra] });
  const onBoard = where({ stage: { in: [...boardStages] } });
  const db = getDb();

  // One scan for every figure (index-only over projects (parkId, warning, totalInvestment, id,
  // stage)): the board's projects grouped by stage, park and colour; the columns, the parks
  // and the red list's count are sums of these groups.
  const [groups, cardsByStage, parks, redRows] = await Promise.all([
    db.project.groupBy({
      by: ["stage", "parkId", "warning"],
      where: onBoard,
      _count: { _all: true },
      _sum: { totalInvestment: true },
    }),
    Promise.all(
      boardStages.map((stage) =>
        db.project.findMany({
          where: where({ stage }),
          select: cardSelect,
          orderBy: [...cardOrder],
          take: CARDS_PER_COLUMN,
        }),
      ),
    ),
    db.park.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true },
    }),
    db.project.findMany({
      where: where({ stage: { in: [...boardStages] }, warning: "RED" }),
      select: cardSelect,
      orderBy: [{ totalInvestment: "desc" }, { id: "asc" }],
      take: RED_LIST_SIZE,
    }),
  ]);
  const byStage = sumGroups(groups, (g) => g.stage);
  const parkTotals = sumGroups(groups, (g) => g.parkId);
  const redCount = sumGroups(groups, (g) => g.warning).get("RED")?.count ?? 0;

  const [markers, redSince] = await Promise.all([
    Promise.all(
      parks.map((park) =>
        parkTotals.get(park.id)
          ? db.project.findMany({
              where: where({ stage: { in: [...boardStages] }, parkId: park.id }),
              select: { id: true, code: true, name: true, stage: true, warning: true },
              orderBy: [...cardOrder],
              take: MARKERS_PER_PARK,
            })
          : Promise.resolve([]),
      ),
    ),
    redRows.length
      ? db.warningChange.groupBy({
          by: ["projectId"],
          where: { projectId: { in: redRows.map((r) => r.id) }, to: "RED" },
          _max: { at: true },
        })
      : Promise.resolve([]),
  ]);

  const today = shanghaiToday(now);
  const redAt = new Map(redSince.map((r) => [r.projectId, r._max.at]));
  const unplaced = parkTotals.get(null);
  return {
    generatedAt: now.toISOString(),
    filters: {
      park: filters.park ?? null,
      industry: filters.industry ?? null,
      chain: filters.chain ?? null,
      leader: filters.leader ?? null,
    },
    columns: boardStages.map((stage: Stage, i) => {
      const count = byStage.get(stage)?.count ?? 0;
      const cards = cardsByStage[i].map((p) => toCard(p, locale));
      return {
        stage,
        count,
        investment: money(byStage.get(stage)?.investment),
        cards,
        more: count - cards.length,
      };
    }),
    parks: parks.map((park, i) => {
      const g = parkTotals.get(park.id);
      const count = g?.count ?? 0;
      return {
        id: park.id,
        code: park.code,
        name: park.name,
        count,
        investment: money(g?.investment),
        markers: markers[i],
        more: count - markers[i].length,
      };
    }),
    /** Projects on the board without a park (not on the plan). */
    noPark: { count: unplaced?.count ?? 0, investment: money(unplaced?.investment) },
    redList: {
      count: redCount,
      items: redRows.map((p) => {
        const at = redAt.get(p.id);
        return { ...toCard(p, locale), redSince: at?.toISOString() ?? null, daysRed: at ? daysSince(at, today) : null };
      }),
    },
  };
}
export type WarRoomData = Awaited<ReturnType<typeof warRoom>>;
