// 红黑榜 (pure): people ranked by how far their projects are ahead of or behind 序时进度.
//
// A person's score is the average, over the projects under dispatch this year they answer
// for (as leader in charge on the year's letter, or as the project's owner), of
// (actual % − planned-to-date %) at the week's last day, in percentage points, one decimal
// (SQL computes the average: compute-bulletin.ts). Positive = ahead of plan.
// Top: the best scores first; bottom: the worst first, never the same person in both lists.
// Ties: more projects first, then the name.

export type RankInput = { userId: string; name: string; projects: number; score: string };
export type Ranking = { people: number; top: RankInput[]; bottom: RankInput[] };

const byBest = (a: RankInput, b: RankInput) =>
  Number(b.score) - Number(a.score) || b.projects - a.projects || a.name.localeCompare(b.name, "zh-CN");

export function rankPeople(rows: readonly RankInput[], size: number): Ranking {
  const sorted = [...rows].sort(byBest);
  const top = sorted.slice(0, size);
  const rest = sorted.slice(top.length);
  const bottom = rest.slice(Math.max(0, rest.length - size)).reverse();
  return { people: rows.length, top, bottom };
}
