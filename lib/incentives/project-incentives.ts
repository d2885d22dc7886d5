// No "server-only" marker: the demo seed computes the schedule it grants against with it.
import Decimal from "decimal.js";
import type { Tx } from "../db";
import { isoDate } from "../dates";
import { formatWan } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { calculateIncentive, type IncentiveProject, type IncentiveReason } from "./calculate";
import { calcMeasure, measureSelect, measureView, type MeasureView } from "./measure-view";
import { incentiveFields } from "./schemas";

/** The project fields the measures read, selected once. */
export const incentiveProjectSelect = {
  id: true,
  signingDate: true,
  fixedAssetInvestment: true,
  totalInvestment: true,
  contractInvestment: true,
  foreignCapital: true,
  expectedAnnualTax: true,
  expectedAnnualOutput: true,
} as const;

type Dec = { toFixed(n: number): string } | null;
export type IncentiveProjectRow = { id: string; signingDate: Date | null } & Record<
  (typeof incentiveFields)[number],
  Dec
>;

export function toIncentiveProject(p: IncentiveProjectRow): IncentiveProject {
  return {
    signingDate: isoDate(p.signingDate),
    fields: Object.fromEntries(incentiveFields.map((f) => [f, p[f]?.toFixed(2) ?? null])),
  };
}

/** "800 万元" (trailing .00 dropped), the unit of the field (万美元 for foreign capital). */
function amountText(locale: Locale, field: string, amount: string) {
  const n = formatWan(amount).replace(/\.00$/, "");
  return translate(locale, field === "foreignCapital" ? "incentives.units.wanUsd" : "incentives.units.wan", { n });
}

/** The reason in words, in the reader's language: "固定资产投资 800 万元，未达到 1000 万元的门槛". */
export function reasonMessage(locale: Locale, field: string, r: IncentiveReason): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, `incentives.reasons.${k}`, p);
  const fieldName = translate(locale, `incentives.fields.${field}`);
  switch (r.code) {
    case "qualifies":
      return t(r.capped ? "qualifiesCapped" : "qualifies", {
        field: fieldName,
        base: amountText(locale, field, r.base),
        rate: new Decimal(r.rate).mul(100).toString(),
      });
    case "notSigned":
      return t("notSigned");
    case "outsideValidity":
      return t("outsideValidity", { signingDate: r.signingDate, validFrom: r.validFrom, validTo: r.validTo ?? "—" });
    case "noBase":
      return t("noBase", { field: fieldName });
    case "belowThreshold":
      return t("belowThreshold", {
        field: fieldName,
        base: amountText(locale, field, r.base),
        threshold: amountText(locale, field, r.threshold),
      });
    case "noBand":
      return t("noBand", { field: fieldName, base: amountText(locale, field, r.base) });
  }
}

export type GrantSums = Map<string, Map<number, Decimal>>;

/** Each active measure for one project, with what was granted of each payment year. */
export function incentiveItems(measures: MeasureView[], project: IncentiveProject, granted: GrantSums, locale: Locale) {
  const items = measures.map((m) => {
    const r = calculateIncentive(calcMeasure(m), project);
    const g = granted.get(m.id) ?? new Map<number, Decimal>();
    const years = new Set([...r.byYear.map((y) => y.year), ...g.keys()]);
    const byYear = [...years]
      .sort((a, b) => a - b)
      .map((year) => ({
        year,
        amount: r.byYear.find((y) => y.year === year)?.amount ?? "0.00",
        granted: (g.get(year) ?? new Decimal(0)).toFixed(2),
      }));
    return {
      measureId: m.id,
      name: m.name,
      category: m.category,
      field: m.field,
      qualifies: r.qualifies,
      reason: { code: r.reason.code, message: reasonMessage(locale, m.field, r.reason) },
      amount: r.amount,
      granted: byYear.reduce((s, y) => s.plus(y.granted), new Decimal(0)).toFixed(2),
      byYear,
    };
  });
  const total = items.reduce((s, i) => s.plus(i.amount), new Decimal(0)).toFixed(2);
  const grantedTotal = items.reduce((s, i) => s.plus(i.granted), new Decimal(0)).toFixed(2);
  return { items, total, granted: grantedTotal };
}

export async function activeMeasures(db: Tx): Promise<MeasureView[]> {
  const rows = await db.incentiveMeasure.findMany({
    where: { active: true },
    select: measureSelect,
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  return rows.map(measureView);
}

/** Sums of grants by measure and year, of the given projects (one grouped query). */
export async function grantSums(db: Tx, projectIds: string[]): Promise<Map<string, GrantSums>> {
  const rows = await db.incentiveGrant.groupBy({
    by: ["projectId", "measureId", "year"],
    where: { projectId: { in: projectIds } },
    _sum: { amount: true },
  });
  const out = new Map<string, GrantSums>();
  for (const r of rows) {
    const p = out.get(r.projectId) ?? new Map();
    out.set(r.projectId, p);
    const m = p.get(r.measureId) ?? new Map<number, Decimal>();
    p.set(r.measureId, m);
    m.set(r.year, new Decimal(r._sum.amount?.toString() ?? "0"));
  }
  return out;
}

/** The 政策兑现 of one project: three reads (the project, the active measures, its grants), then pure arithmetic. */
export async function computeProjectIncentives(db: Tx, projectId: string, locale: Locale) {
  const [row, measures, sums] = await Promise.all([
    db.project.findUnique({ where: { id: projectId }, select: incentiveProjectSelect }),
    activeMeasures(db),
    grantSums(db, [projectId]),
  ]);
  if (!row) return null;
  return incentiveItems(measures, toIncentiveProject(row), sums.get(projectId) ?? new Map(), locale);
}
