import { rankPeople, type RankInput } from "../../lib/bulletins/ranking";

const p = (name: string, score: string, projects = 1): RankInput => ({ userId: name, name, projects, score });

describe("红黑榜 ranking", () => {
  it("best first on the top list, worst first on the bottom list, nobody on both", () => {
    const rows = [p("甲", "3.5"), p("乙", "-12.0"), p("丙", "0.0"), p("丁", "-40.2"), p("戊", "8.1")];
    const r = rankPeople(rows, 2);
    expect(r.people).toBe(5);
    expect(r.top.map((x) => x.name)).toEqual(["戊", "甲"]);
    expect(r.bottom.map((x) => x.name)).toEqual(["丁", "乙"]);
  });

  it("with fewer than twice the size, the bottom list takes only those not on top", () => {
    const r = rankPeople([p("甲", "1.0"), p("乙", "-1.0"), p("丙", "-2.0")], 2);
    expect(r.top.map((x) => x.name)).toEqual(["甲", "乙"]);
    expect(r.bottom.map((x) => x.name)).toEqual(["丙"]);
    expect(rankPeople([], 5)).toEqual({ people: 0, top: [], bottom: [] });
  });

  it("compares scores as numbers (not text), then more projects first, then the name", () => {
    const r = rankPeople([p("甲", "-9.5"), p("乙", "-10.0", 1), p("丙", "-10.0", 3), p("丁", "10.0")], 4);
    expect(r.top.map((x) => x.name)).toEqual(["丁", "甲", "丙", "乙"]);
  });
});
