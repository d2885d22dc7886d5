import "server-only";
import { Decimal } from "../db";

/**
 * Counts and investment of Prisma groupBy rows (`_count._all`, `_sum.totalInvestment`) summed
 * by a key, in exact decimals: one grouped scan, several figures (the war room's columns,
 * parks and red count; the dashboard's funnel and colours).
 */
export function sumGroups<G extends { _count: { _all: number }; _sum: { totalInvestment: Decimal | null } }, K>(
  groups: G[],
  key: (g: G) => K,
) {
  const out = new Map<K, { count: number; investment: Decimal }>();
  for (const g of groups) {
    const t = out.get(key(g)) ?? { count: 0, investment: new Decimal(0) };
    t.count += g._count._all;
    t.investment = t.investment.plus(g._sum.totalInvestment ?? 0);
    out.set(key(g), t);
  }
  return out;
}
