// 挂图作战: the board's columns count and total exactly what the grid lists for the same
// filters (all pages of GET /api/v1/projects, summed with decimal.js), on data built here.
import Decimal from "decimal.js";
import { GET as listRoute } from "../../app/api/v1/projects/route";
import { GET as warRoomRoute } from "../../app/api/v1/reports/war-room/route";
import { getDb, type Prisma } from "../../lib/db";
import { pipelineStages } from "../../lib/projects/stages";
import {
  callRoute as call,
  createDepartment,
  createIndustry,
  createPark,
  createPermitItem,
  createUser,
  sessionCookie,
} from "../factories";

type Column = {
  stage: string;
  count: number;
  investment: string;
  more: number;
  cards: { id: string; warning: string; investment: string; warningReasons: { code: string; message: string }[] }[];
};

const stagesAll = [...pipelineStages, "SUSPENDED", "TERMINATED"] as const;
const colours = ["NONE", "BLUE", "YELLOW", "RED"] as const;
const rank = (w: string) => colours.indexOf(w as (typeof colours)[number]);

describe("war room", () => {
  let manager = "";
  const refs = {} as Record<
    "indA" | "indB" | "parkA" | "parkB" | "leader1" | "leader2" | "chain",
    { id: string; code: string; name?: string }
  >;
  /** The projects built here, as the test knows them (for counts independent of the grid). */
  const built: {
    stage: string;
    industry: string;
    park: string | null;
    leader: string;
    investment: string;
    chained: boolean;
  }[] = [];

  beforeAll(async () => {
    const db = getDb();
    manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    const [indA, indB, parkA, parkB] = await Promise.all([
      createIndustry(),
      createIndustry(),
      createPark(),
      createPark(),
    ]);
    const [l1, l2, owner] = await Promise.all([
      createUser({ role: "LEADER" }),
      createUser({ role: "LEADER" }),
      createUser({ role: "STAFF" }),
    ]);
    const chain = await db.chain.create({
      data: { code: `WR${Date.now()}`, name: `作战链${Date.now()}`, industryId: indA.id },
    });
    const link = await db.chainLink.create({ data: { chainId: chain.id, name: "环节", position: "UPSTREAM" } });
    Object.assign(refs, {
      indA: { id: indA.id, code: indA.code, name: indA.name },
      indB: { id: indB.id, code: indB.code, name: indB.name },
      parkA: { id: parkA.id, code: parkA.code, name: parkA.name },
      parkB: { id: parkB.id, code: parkB.code, name: parkB.name },
      leader1: { id: l1.id, code: l1.username },
      leader2: { id: l2.id, code: l2.username },
      chain: { id: chain.id, code: chain.code },
    });
    const rows: Prisma.ProjectCreateManyInput[] = [];
    const stamp = Date.now().toString(36);
    // 70 projects spread over every stage (side states too), two industries, two parks and
    // none, two leaders, all colours, some on the chain; amounts with cents.
    for (let i = 0; i < 70; i++) {
      const p = {
        stage: stagesAll[i % stagesAll.length],
        industry: i % 3 === 0 ? indB.id : indA.id,
        park: i % 5 === 0 ? null : i % 2 ? parkA.id : parkB.id,
        leader: i % 4 === 0 ? l2.id : l1.id,
        investment: `${(i * 1373) % 90000}.${String((i * 37) % 100).padStart(2, "0")}`,
        chained: i % 3 === 1,
      };
      built.push(p);
      rows.push({
        code: `WR-${stamp}-${i}`,
        name: `作战项目${i}`,
        enterpriseName: `作战企业${i}`,
        industryId: p.industry,
        parkId: p.park,
        leaderId: p.leader,
        ownerId: owner.id,
        stage: p.stage,
        totalInvestment: p.investment,
        warning: colours[i % 4],
        warningReasons:
          colours[i % 4] === "RED"
            ? [{ code: "behindSchedule", color: "RED", numbers: { points: "34.0", planned: "80.0", actual: "46.0" } }]
            : [],
      });
    }
    // A crowded column: 20 CONSTRUCTION projects of industry B in park B, led by leader 2.
    for (let i = 0; i < 20; i++) {
      const p = {
        stage: "CONSTRUCTION",
        industry: indB.id,
        park: parkB.id,
        leader: l2.id,
        investment: `${1000 + i}.50`,
        chained: false,
      };
      built.push(p);
      rows.push({
        code: `WR-${stamp}-C${i}`,
        name: `在建项目${i}`,
        enterpriseName: `在建企业${i}`,
        industryId: indB.id,
        parkId: parkB.id,
        leaderId: l2.id,
        ownerId: owner.id,
        stage: "CONSTRUCTION",
        totalInvestment: p.investment,
        warning: colours[i % 4],
      });
    }
    await db.project.createMany({ data: rows });
    const chainedIds = await db.project.findMany({
      where: { code: { in: rows.filter((_, i) => built[i].chained).map((r) => r.code) } },
      select: { id: true },
    });
    await db.projectLink.createMany({ data: chainedIds.map((p) => ({ projectId: p.id, linkId: link.id })) });
  });

  const board = async (query: Record<string, string>, cookie = manager, headers?: Record<string, string>) =>
    call(warRoomRoute, `/api/v1/reports/war-room?${new URLSearchParams(query)}`, { cookie, headers });

  /** Count and Σ totalInvestment of the grid for a stage and the filters: every page, decimal.js. */
  async function gridTotals(query: Record<string, string>, cookie = manager) {
    let page = 1;
    let sum = new Decimal(0);
    let total = 0;
    let seen = 0;
    for (;;) {
      const params = new URLSearchParams({ ...query, pageSize: "200", page: String(page) });
      const { status, body } = await call(listRoute, `/api/v1/projects?${params}`, { cookie });
      expect(status).toBe(200);
      total = body.total;
      for (const p of body.items) sum = sum.plus(p.totalInvestment);
      seen += body.items.length;
      if (seen >= total || !body.items.length) break;
      page++;
    }
    return { total, investment: sum.toFixed(2) };
  }

  const combos = (): Record<string, string>[] => [
    { park: refs.parkA.code },
    { industry: refs.indB.code },
    { park: refs.parkB.id, industry: refs.indB.code },
    { chain: refs.chain.code },
    { chain: refs.chain.id, park: refs.parkA.name! },
    { leader: refs.leader2.code },
    { leader: refs.leader1.id, industry: refs.indA.id },
    { park: refs.parkB.code, industry: refs.indB.name!, leader: refs.leader2.code },
    {},
  ];

  it("each column's count and investment equal the grid's total and sum for the same filters", async () => {
    for (const query of combos()) {
      const { status, body } = await board(query);
      expect([query, status]).toEqual([query, 200]);
      expect(body.columns.map((c: Column) => c.stage)).toEqual([...pipelineStages]);
      for (const c of body.columns as Column[]) {
        const grid = await gridTotals({ ...query, stage: c.stage });
        expect([query, c.stage, c.count, c.investment]).toEqual([query, c.stage, grid.total, grid.investment]);
      }
    }
  });

  it("counts what was built (independently of the grid), side states off the board", async () => {
    const { body } = await board({ park: refs.parkA.code, leader: refs.leader1.code });
    for (const c of body.columns as Column[]) {
      const mine = built.filter((p) => p.stage === c.stage && p.park === refs.parkA.id && p.leader === refs.leader1.id);
      const sum = mine.reduce((s, p) => s.plus(p.investment), new Decimal(0));
      expect([c.stage, c.count, c.investment]).toEqual([c.stage, mine.length, sum.toFixed(2)]);
    }
    const onBoard = built.filter((p) => p.park === refs.parkA.id && p.leader === refs.leader1.id);
    expect(onBoard.some((p) => p.stage === "SUSPENDED" || p.stage === "TERMINATED")).toBe(true);
    expect(body.columns.reduce((n: number, c: Column) => n + c.count, 0)).toBe(
      onBoard.filter((p) => (pipelineStages as readonly string[]).includes(p.stage)).length,
    );
  });

  it("caps a column's cards (reddest first, then the largest) and says how many more", async () => {
    const { body } = await board({ park: refs.parkB.code, industry: refs.indB.code, leader: refs.leader2.code });
    const col = (body.columns as Column[]).find((c) => c.stage === "CONSTRUCTION")!;
    const expected = built.filter(
      (p) =>
        p.stage === "CONSTRUCTION" &&
        p.park === refs.parkB.id &&
        p.industry === refs.indB.id &&
        p.leader === refs.leader2.id,
    ).length;
    expect(expected).toBeGreaterThan(12);
    expect([col.count, col.cards.length, col.more]).toEqual([expected, 12, expected - 12]);
    for (let i = 1; i < col.cards.length; i++) {
      const [a, b] = [col.cards[i - 1], col.cards[i]];
      expect(
        rank(a.warning) > rank(b.warning) || (a.warning === b.warning && new Decimal(a.investment).gte(b.investment)),
      ).toBe(true);
    }
    expect(col.cards[0].warning).toBe("RED");
    for (const c of body.columns as Column[]) if (c.count <= 12) expect([c.cards.length, c.more]).toEqual([c.count, 0]);
    expect(typeof body.generatedAt).toBe("string");
  });

  it("gives the reasons in the reader's language", async () => {
    const zh = await board({ park: refs.parkA.code });
    const en = await board({ park: refs.parkA.code }, `${manager}; NEXT_LOCALE=en`);
    const red = (b: { columns: Column[] }) => b.columns.flatMap((c) => c.cards).find((c) => c.warning === "RED")!;
    expect(red(zh.body).warningReasons[0].message).toContain("落后序时进度 34.0 个百分点");
    expect(red(en.body).warningReasons[0].message).toContain("34.0 points behind");
  });

  it("the park plan and the red list add up to the grid's figures", async () => {
    const query = { industry: refs.indA.code };
    const { body } = await board(query);
    for (const park of [refs.parkA, refs.parkB]) {
      const entry = body.parks.find((p: { code: string }) => p.code === park.code);
      let count = 0;
      let sum = new Decimal(0);
      for (const stage of pipelineStages) {
        const g = await gridTotals({ ...query, park: park.code, stage });
        count += g.total;
        sum = sum.plus(g.investment);
      }
      expect([park.code, entry.count, entry.investment]).toEqual([park.code, count, sum.toFixed(2)]);
      expect(entry.markers.length).toBe(Math.min(count, 40));
      expect(entry.more).toBe(count - entry.markers.length);
    }
    let reds = 0;
    for (const stage of pipelineStages) reds += (await gridTotals({ ...query, stage, warning: "RED" })).total;
    expect(body.redList.count).toBe(reds);
    expect(body.redList.items.every((r: { warning: string }) => r.warning === "RED")).toBe(true);
  });

  it("refuses filters that name nothing, or are not text it takes, with the field (400)", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ park: "NO-SUCH-PARK" }, "park"],
      [{ industry: "没有这个产业" }, "industry"],
      [{ chain: "x".repeat(61) }, "chain"],
      [{ chain: "NO-SUCH-CHAIN" }, "chain"],
      [{ leader: "nobody.here" }, "leader"],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await board(query);
      expect([query, status, body.error.code, Object.keys(body.error.fields)]).toEqual([
        query,
        400,
        "VALIDATION",
        [field],
      ]);
      expect(body.error.fields[field]).toMatch(/\S/);
    }
  });

  it("an approver's board holds only the projects their grid shows them", async () => {
    const department = await createDepartment({ kind: "PERMIT" });
    const approver = await createUser({ role: "APPROVER", departmentId: department.id });
    const cookie = await sessionCookie(approver);
    const mine = await getDb().project.findFirstOrThrow({ where: { code: { startsWith: "WR-" }, stage: "SIGNED" } });
    await createPermitItem({ projectId: mine.id, departmentId: department.id });
    const { status, body } = await board({}, cookie);
    expect(status).toBe(200);
    const cards = (body.columns as Column[]).flatMap((c) => c.cards.map((x) => x.id));
    expect(cards).toEqual([mine.id]);
    for (const c of body.columns as Column[])
      expect(c.count).toBe((await gridTotals({ stage: c.stage }, cookie)).total);
  });
});
