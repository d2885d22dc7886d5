import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiTodayDate, shanghaiYear, storedDate } from "../dates";
import { visibleCases, visibleCasesSql } from "../projects/visibility";
import { parseInput } from "../validation";
import { caseStates, openCaseStates } from "./permit-machine";
import { yearQuerySchema } from "./schemas";

type Row = {
  key: string;
  name: string;
  department: string;
  decided: number;
  avgDays: number | null;
  p90Days: number | null;
  overdue: number;
  items: number;
  returns: number;
};

/**
 * The one computation of permit cycle times: working days (average and 90th percentile over
 * decided items), overdue and returns, of the items of cases submitted in the year, of the
 * projects the actor may see (and, with `ownerId`, only that owner's projects), per permit
 * type, per department, or over all items at once (the dashboard's figure).
 */
export async function permitCycleTimes({
  actor,
  year,
  by,
  ownerId,
}: {
  actor: Actor;
  year: number;
  by: "type" | "department" | "all";
  ownerId?: string;
}): Promise<Row[]> {
  const from = storedDate(`${year}-01-01`);
  const to = storedDate(`${year + 1}-01-01`);
  const today = shanghaiTodayDate();
  const visible = visibleCasesSql(actor, "c", 4);
  const owner = ownerId
    ? {
        sql: `and c."projectId" in (select id from projects where "ownerId" = $${4 + visible.params.length})`,
        params: [ownerId],
      }
    : { sql: "", params: [] };
  const key = {
    type: `t.code as key, t.name as name, d.name as department`,
    department: `d.code as key, d.name as name, d.name as department`,
    all: `'ALL' as key, '' as name, '' as department`,
  }[by];
  const groupBy = {
    type: 'group by t.code, t.name, d.name, t."sortOrder" order by t."sortOrder"',
    department: 'group by d.code, d.name, d."sortOrder" order by d."sortOrder"',
    all: "",
  }[by];
  return getDb().$queryRawUnsafe<Row[]>(
    `select ${key},
            count(*) filter (where i."decidedDate" is not null)::int as decided,
            round(avg(i."workingDays") filter (where i."decidedDate" is not null), 1)::float8 as "avgDays",
            (percentile_cont(0.9) within group (order by i."workingDays") filter (where i."decidedDate" is not null))::float8 as "p90Days",
            count(*) filter (where (i."decidedDate" is not null and i."decidedDate" > i."dueDate")
                               or (i.state = 'PENDING' and c.state in (${openCaseStates.map((s) => `'${s}'`).join(", ")}) and i."dueDate" < $3))::int as overdue,
            count(*)::int as items,
            coalesce(sum(i.returns), 0)::int as returns
       from permit_items i
       join permit_cases c on c.id = i."caseId"
       ${by === "all" ? "" : `join permit_types t on t.id = i."permitTypeId" join departments d on d.id = i."departmentId"`}
      -- The items by the start date each keeps of its case (one index range scan); the same bound
      -- on the cases lets PostgreSQL hash-join only the year's cases.
      where i."caseStartDate" >= $1 and i."caseStartDate" < $2
        and c."startDate" >= $1 and c."startDate" < $2 and ${visible.sql} ${owner.sql}
      ${groupBy}`,
    from,
    to,
    today,
    ...visible.params,
    ...owner.params,
  );
}

/**
 * Cycle times in working days per permit type and per department (average and 90th
 * percentile over decided items), overdue rate (decided after the due date, or open past
 * it), returns per item; cases by state and the fast-track share. Items of cases
 * submitted in the year, of the projects the actor may see.
 */
export async function permitReport({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "permit.report");
  const { year = shanghaiYear() } = parseInput(yearQuerySchema, query);
  const from = storedDate(`${year}-01-01`);
  const to = storedDate(`${year + 1}-01-01`);
  const db = getDb();
  const visibleWhere = visibleCases(actor);
  const grouped = (by: "type" | "department") => permitCycleTimes({ actor, year, by });
  const [byType, byDepartment, states, fast] = await Promise.all([
    grouped("type"),
    grouped("department"),
    db.permitCase.groupBy({
      by: ["state"],
      _count: { _all: true },
      where: {
        AND: [visibleWhere],
        OR: [{ startDate: { gte: from, lt: to } }, { state: "DRAFT", createdAt: { gte: from, lt: to } }],
      },
    }),
    db.permitCase.groupBy({
      by: ["fastTrack"],
      _count: { _all: true },
      where: { AND: [visibleWhere], startDate: { gte: from, lt: to } },
    }),
  ]);
  const shape = (r: Row) => ({
    ...r,
    overdueRate: r.items ? Math.round((r.overdue / r.items) * 1000) / 10 : 0,
    returnsPerItem: r.items ? Math.round((r.returns / r.items) * 100) / 100 : 0,
  });
  const submitted = fast.reduce((a, f) => a + f._count._all, 0);
  const fastTrack = fast.find((f) => f.fastTrack)?._count._all ?? 0;
  return {
    year,
    byType: byType.map(shape),
    byDepartment: byDepartment.map(shape),
    casesByState: Object.fromEntries(caseStates.map((s) => [s, states.find((x) => x.state === s)?._count._all ?? 0])),
    submittedCases: submitted,
    fastTrackCases: fastTrack,
    fastTrackShare: submitted ? Math.round((fastTrack / submitted) * 1000) / 10 : 0,
  };
}
