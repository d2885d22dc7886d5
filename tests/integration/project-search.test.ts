import fc from "fast-check";
import { getDb } from "../../lib/db";
import { listProjects, searchGramsOf } from "../../lib/projects/queries";
import { actorOf, createIndustry, createUser } from "../factories";

describe("project search and deep pages", () => {
  it("the pieces of any substring are among the pieces the database keeps for the text (no false negatives)", async () => {
    const chars = fc.constantFrom(..."海创生物硼材料青岛ABCxyz-0 　".split(""));
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), async (arr, a, b) => {
        const text = arr.join("");
        const start = a % arr.length;
        const q = arr.slice(start, start + 1 + (b % (arr.length - start))).join("");
        if (!q.trim()) return;
        const [{ grams }] = await getDb().$queryRaw<{ grams: string[] }[]>`select crm_search_grams(${text}) as grams`;
        const kept = new Set(grams);
        const needed = searchGramsOf(q.trim() === q ? q : q.trim());
        // A query made only of blanks and one character may need a piece with a blank; the app trims queries.
        for (const g of needed) if (!/\s/.test(g)) expect(kept.has(g)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("a deep page (read in two steps) has exactly the rows and order of the plain query", async () => {
    const industry = await createIndustry();
    const owner = await createUser({ role: "STAFF" });
    await getDb().project.createMany({
      data: Array.from({ length: 1100 }, (_, i) => ({
        code: `DEEP-${String(i).padStart(5, "0")}`,
        name: `深页测试项目${i}`,
        enterpriseName: `深页企业${i % 37}`,
        industryId: industry.id,
        ownerId: owner.id,
        totalInvestment: String((i * 7919) % 5000),
      })),
    });
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    for (const [sort, order] of [
      ["totalInvestment", "asc"],
      ["name", "desc"],
    ] as const) {
      const res = await listProjects({ actor: manager, query: { q: "深页", sort, order, page: 53, pageSize: 20 } });
      const expected = await getDb().project.findMany({
        where: { name: { startsWith: "深页" } },
        orderBy: [{ [sort]: order }, { id: "asc" }],
        skip: 52 * 20,
        take: 20,
        select: { id: true },
      });
      expect(res.total).toBe(1100);
      expect(res.items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      expect(res.items[0]).toMatchObject({ industry: industry.code, ownerName: owner.displayName });
    }
  });
});
