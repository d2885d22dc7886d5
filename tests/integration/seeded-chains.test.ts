import { chainGaps, listChains } from "../../lib/chains/queries";
import { getDb } from "../../lib/db";
import { actorOf, createUser } from "../factories";
import { useSeededDatabase } from "../support/seeded";

describe("the seeded story chains", () => {
  beforeAll(async () => {
    await useSeededDatabase();
  });

  it("have the story's chains and their gap analysis matches the data, counted independently in SQL", async () => {
    const actor = actorOf(await createUser({ role: "STAFF" }));
    const chains = await listChains({ actor });
    expect(chains.map((c) => c.name)).toEqual(["智能换电摩托车", "医疗器械（CT影像）", "硼材料", "光刻胶材料"]);
    const localEnterprises = await getDb().enterprise.count({ where: { isLocal: true, links: { some: {} } } });
    expect(localEnterprises).toBeGreaterThanOrEqual(20);
    for (const c of chains) {
      const gaps = await chainGaps({ actor, id: c.id });
      expect(gaps.completeness).toBe(c.completeness);
      const counted = await getDb().$queryRaw<{ id: string; local: number; open: number; target: number }[]>`
        select l.id, l."targetCount" as target,
               (select count(*)::int from enterprise_links el join enterprises e on e.id = el."enterpriseId" where el."linkId" = l.id and e."isLocal") as local,
               (select count(*)::int from project_links pl join projects p on p.id = pl."projectId" where pl."linkId" = l.id and p.stage not in ('TERMINATED', 'SUSPENDED')) as open
          from chain_links l where l."chainId" = ${c.id}`;
      expect(gaps.links).toHaveLength(counted.length);
      for (const row of counted) {
        const link = gaps.links.find((l) => l.id === row.id)!;
        const have = row.local + row.open;
        const status = have === 0 ? "MISSING" : have < Math.max(1, row.target) ? "WEAK" : "COVERED";
        expect({ name: link.name, local: link.localEnterprises, open: link.openProjects, status: link.status }).toEqual(
          { name: link.name, local: row.local, open: row.open, status },
        );
      }
    }
    const moto = await chainGaps({ actor, id: chains[0].id });
    const by = Object.fromEntries(moto.links.map((l) => [l.name, l]));
    expect(by["电芯"]).toMatchObject({ status: "MISSING" });
    expect(by["电芯"].targets.map((t) => t.name)).toEqual(
      expect.arrayContaining(["江苏锂能新能源科技有限公司", "浙江动力芯电池有限公司"]),
    );
    expect(by["整车制造"]).toMatchObject({ status: "COVERED", openProjects: 1 });
    expect(by["整车制造"].enterprises).toEqual([
      expect.objectContaining({ name: "安屯尼智能电子科技有限公司", isChainLeader: true }),
    ]);
  });
});
