// 周通报 over the demo's own data: the seeded story (projects with their stage paths, colours,
// notices, problems with their timelines, the 协调会's decisions), each of the last six ended
// weeks generated and every headline number compared with plain SQL written here on its own.
import { generateBulletin } from "../../lib/bulletins/generate-bulletin";
import { previousWeek, type Week } from "../../lib/bulletins/week";
import { shanghaiToday } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { useSeededDatabase } from "../support/seeded";

jest.setTimeout(180_000);

/** The Shanghai day of a stored timestamp (stored as UTC). */
const day = (col: string) => `(${col} at time zone 'UTC' at time zone 'Asia/Shanghai')::date`;

async function sqlCounts(w: Week) {
  const db = getDb();
  const one = async (sql: string) =>
    Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql, w.weekStart, w.weekEnd))[0].n);
  const inWeek = (col: string) => `${day(col)} between $1::date and $2::date`;
  // A stage's first entry ever: no earlier row into the same stage for the project.
  const firstEntries = (stage: string) =>
    one(`select count(distinct s."projectId") as n from stage_changes s
         where s."toStage" = '${stage}' and ${inWeek('s."createdAt"')}
           and not exists (select 1 from stage_changes e where e."projectId" = s."projectId"
                           and e."toStage" = s."toStage" and e."createdAt" < s."createdAt")`);
  return {
    newLeads: await one(`select count(*) as n from projects where ${inWeek('"createdAt"')}`),
    signings: await firstEntries("SIGNED"),
    started: await firstEntries("CONSTRUCTION"),
    completed: await firstEntries("COMPLETED"),
    production: await firstEntries("PRODUCTION"),
    noticesIssued: await one(`select count(*) as n from supervision_notices where ${inWeek('"issuedAt"')}`),
    noticesClosed: await one(`select count(*) as n from supervision_notices where ${inWeek('"closedAt"')}`),
    problemsRaised: await one(`select count(*) as n from problems where ${inWeek('"createdAt"')}`),
    problemsResolved: await one(
      `select count(*) as n from problems where state = 'RESOLVED' and ${inWeek('"resolvedAt"')}`,
    ),
    problemsEscalated: await one(
      `select count(*) as n from problem_events where action = 'ESCALATED' and ${inWeek("at")}`,
    ),
  };
}

describe("周通报 over the seeded demo", () => {
  it("every headline number of each of the last six weeks equals plain SQL", async () => {
    await useSeededDatabase();
    const db = getDb();
    const today = shanghaiToday();
    const colours = Object.fromEntries(
      (
        await db.$queryRaw<
          { warning: string; n: bigint }[]
        >`select warning::text, count(*) as n from projects group by 1`
      ).map((r) => [r.warning, Number(r.n)]),
    );
    let week = previousWeek(today);
    let busy = 0;
    for (let i = 0; i < 6; i++, week = previousWeek(week.weekStart)) {
      const b = (await generateBulletin(db, { actor: null, input: { weekStart: week.weekStart }, today }))!;
      const s = b.sections;
      const expected = await sqlCounts(week);
      expect([
        week.weekStart,
        {
          newLeads: s.newLeads.count,
          signings: s.signings.count,
          started: s.firstEntries.CONSTRUCTION.count,
          completed: s.firstEntries.COMPLETED.count,
          production: s.firstEntries.PRODUCTION.count,
          noticesIssued: s.notices.issued.count,
          noticesClosed: s.notices.closed.count,
          problemsRaised: s.problems.raised.count,
          problemsResolved: s.problems.resolved.count,
          problemsEscalated: s.problems.escalated.count,
        },
      ]).toEqual([week.weekStart, expected]);
      expect(s.colours.current).toEqual({ BLUE: 0, YELLOW: 0, RED: 0, NONE: 0, ...colours });
      busy += Object.values(expected).reduce((a, n) => a + n, 0);
    }
    // The seeded weeks are not empty: the comparison compared something.
    expect(busy).toBeGreaterThan(5);
  });
});
