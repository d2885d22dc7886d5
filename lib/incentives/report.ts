import "server-only";
import Decimal from "decimal.js";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { formatDateTime } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { xlsxStream, type XlsxColumn } from "../exports/xlsx-table";
import { calculateIncentive } from "./calculate";
import { calcMeasure } from "./measure-view";
import { activeMeasures, incentiveProjectSelect, toIncentiveProject } from "./project-incentives";
import { incentiveCategories, incentiveReportQuery, type IncentiveCategoryCode } from "./schemas";

type Cell = { scheduled: Decimal; granted: Decimal; projects: Set<string> };
const cell = (): Cell => ({ scheduled: new Decimal(0), granted: new Decimal(0), projects: new Set() });

/**
 * 政策兑现 totals for managers: by payment year × category, what the active measures schedule
 * for every signed project (calculate.ts, exact) against what was granted (兑现, every grant,
 * by its measure's category). Two reads (the signed projects' fields, the grants grouped by
 * project, measure and year) and one pass of decimal arithmetic. With `year` and/or `category`,
 * also the projects behind that figure (the links of the page).
 */
export async function incentiveReport({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "incentive.report");
  const q = parseInput(incentiveReportQuery, query);
  const db = getDb();
  const [measures, projects, grants, allMeasures] = await Promise.all([
    activeMeasures(db),
    db.project.findMany({
      where: { signingDate: { not: null } },
      select: { ...incentiveProjectSelect, name: true, code: true },
    }),
    db.incentiveGrant.groupBy({ by: ["projectId", "measureId", "year"], _sum: { amount: true } }),
    db.incentiveMeasure.findMany({ select: { id: true, category: true } }),
  ]);
  const categoryOf = new Map(allMeasures.map((m) => [m.id, m.category as IncentiveCategoryCode]));
  const cells = new Map<string, Cell>();
  const key = (year: number, c: string) => `${year}:${c}`;
  const at = (year: number, c: string) => cells.get(key(year, c)) ?? cells.set(key(year, c), cell()).get(key(year, c))!;
  // Per project, for the drill-down list.
  const rows = new Map<string, { scheduled: Decimal; granted: Decimal }>();
  const wanted = (year: number, c: string) =>
    (q.year === undefined || q.year === year) && (!q.category || q.category === c);
  const row = (id: string) =>
    rows.get(id) ?? rows.set(id, { scheduled: new Decimal(0), granted: new Decimal(0) }).get(id)!;

  for (const p of projects) {
    const input = toIncentiveProject(p);
    for (const m of measures) {
      const r = calculateIncentive(calcMeasure(m), input);
      for (const y of r.byYear) {
        const c = at(y.year, m.category);
        c.scheduled = c.scheduled.plus(y.amount);
        c.projects.add(p.id);
        if (wanted(y.year, m.category)) row(p.id).scheduled = row(p.id).scheduled.plus(y.amount);
      }
    }
  }
  for (const g of grants) {
    const category = categoryOf.get(g.measureId)!;
    const amount = new Decimal(g._sum.amount?.toString() ?? "0");
    const c = at(g.year, category);
    c.granted = c.granted.plus(amount);
    c.projects.add(g.projectId);
    if (wanted(g.year, category)) row(g.projectId).granted = row(g.projectId).granted.plus(amount);
  }

  const years = [...new Set([...cells.keys()].map((k) => Number(k.split(":")[0])))].sort((a, b) => a - b);
  const items = years.map((year) => {
    const byCategory = incentiveCategories.map((category) => {
      const c = cells.get(key(year, category)) ?? cell();
      return { category, scheduled: c.scheduled.toFixed(2), granted: c.granted.toFixed(2), projects: c.projects.size };
    });
    return {
      year,
      byCategory,
      scheduled: byCategory.reduce((s, c) => s.plus(c.scheduled), new Decimal(0)).toFixed(2),
      granted: byCategory.reduce((s, c) => s.plus(c.granted), new Decimal(0)).toFixed(2),
    };
  });
  const byCategory = incentiveCategories.map((category) => ({
    category,
    scheduled: items
      .reduce((s, y) => s.plus(y.byCategory.find((c) => c.category === category)!.scheduled), new Decimal(0))
      .toFixed(2),
    granted: items
      .reduce((s, y) => s.plus(y.byCategory.find((c) => c.category === category)!.granted), new Decimal(0))
      .toFixed(2),
  }));
  const names = new Map(projects.map((p) => [p.id, p]));
  const drill =
    q.year !== undefined || q.category
      ? [...rows.entries()]
          .filter(([, r]) => !r.scheduled.isZero() || !r.granted.isZero())
          .map(([id, r]) => ({
            id,
            name: names.get(id)?.name ?? id,
            code: names.get(id)?.code ?? "",
            scheduled: r.scheduled.toFixed(2),
            granted: r.granted.toFixed(2),
          }))
          .sort((a, b) => new Decimal(b.scheduled).cmp(a.scheduled) || a.code.localeCompare(b.code))
      : null;
  return {
    years: items,
    byCategory,
    scheduled: items.reduce((s, y) => s.plus(y.scheduled), new Decimal(0)).toFixed(2),
    granted: items.reduce((s, y) => s.plus(y.granted), new Decimal(0)).toFixed(2),
    filter: { year: q.year ?? null, category: q.category ?? null },
    projects: drill,
  };
}

/** The totals as .xlsx: one row per year, scheduled and granted per category (万元). */
export async function exportIncentiveReport({ actor, locale }: { actor: Actor; locale: Locale }) {
  const report = await incentiveReport({ actor, query: {} });
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const money = (header: string): XlsxColumn => ({ header, width: 14, money: true });
  const pair = () => [money(t("incentives.report.scheduled")), money(t("incentives.report.granted"))];
  const today = shanghaiToday();
  return {
    body: xlsxStream({
      creator: actor.displayName,
      tables: [
        {
          sheet: t("incentives.report.title"),
          title: [
            `${t("incentives.report.title")}（${t("incentives.units.wanHeader")}）　${formatDateTime(new Date())}　${actor.displayName}`,
          ],
          groups: [
            t("incentives.report.year"),
            ...incentiveCategories.flatMap((c) => [t(`incentives.categories.${c}`), ""]),
            t("incentives.report.total"),
            "",
          ],
          columns: [{ header: "", width: 10 }, ...incentiveCategories.flatMap(pair), ...pair()],
          rows: report.years.map((y) => [
            y.year,
            ...y.byCategory.flatMap((c) => [c.scheduled, c.granted]),
            y.scheduled,
            y.granted,
          ]),
          total: [
            t("incentives.report.total"),
            ...report.byCategory.flatMap((c) => [c.scheduled, c.granted]),
            report.scheduled,
            report.granted,
          ],
        },
      ],
    }),
    fileName: `${t("incentives.report.fileBase")}_${today}.xlsx`,
    asciiName: `incentives-${today}.xlsx`,
  };
}
