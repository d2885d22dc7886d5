import "server-only";
import type { Actor } from "../auth/permissions";
import { translate } from "../i18n/translate";
import type { Locale } from "../i18n/config";
import type { NoticeRow, ProjectSet } from "./compute-bulletin";
import { firstEntryStages } from "./compute-bulletin";
import { weekLabel } from "./generate-bulletin";
import { getBulletin } from "./queries";
import { xlsxStream, type XlsxCell, type XlsxTable } from "../exports/xlsx-table";

type Cell = XlsxCell;

/**
 * A stored bulletin as a workbook: one sheet per section, each with a title row (the
 * section and the week), the header, the rows and a 合计 row with the section's own totals
 * (the full counts and sums as stored, also when the list shows only its first rows).
 * Money in 万元 as numbers with two decimals (lib/exports/xlsx-table.ts, streamed).
 * File: 周通报_2026-11-16至2026-11-22.xlsx.
 */
export async function exportBulletin({ actor, id, locale = "zh-CN" }: { actor: Actor; id: string; locale?: Locale }) {
  const b = await getBulletin({ actor, id });
  const s = b.sections;
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, `bulletins.${k}`, p);
  const week = weekLabel(b);
  const tables: XlsxTable[] = [];

  /** A section's sheet; `money` names the columns in 万元 (decimal strings). */
  const sheet = (
    name: string,
    headers: string[],
    rows: Cell[][],
    total?: Cell[],
    note?: string,
    money: number[] = [],
  ) =>
    tables.push({
      sheet: name,
      title: [t("export.sheetTitle", { section: name, week, revision: b.revision })],
      columns: headers.map((header, i) => ({ header, width: i === 0 ? 16 : 22, money: money.includes(i) })),
      rows,
      total,
      note,
    });
  const capNote = (count: number, shown: number) => (count > shown ? t("export.capped", { shown, count }) : undefined);

  const projectSheet = (name: string, set: ProjectSet) =>
    sheet(
      name,
      [t("cols.code"), t("cols.name"), t("cols.investment")],
      set.rows.map((r) => [r.code, r.name, r.investment]),
      [t("export.total"), set.count, set.investment],
      capNote(set.count, set.rows.length),
      [2],
    );

  projectSheet(t("sections.newLeads"), s.newLeads);
  projectSheet(t("sections.signings"), s.signings);
  for (const stage of firstEntryStages) projectSheet(t(`sections.first.${stage}`), s.firstEntries[stage]);

  const colours = ["BLUE", "YELLOW", "RED", "NONE"] as const;
  const allProjects = colours.reduce((a, c) => a + s.colours.current[c], 0);
  sheet(
    t("sections.colours"),
    [t("cols.colour"), t("cols.projects")],
    [
      ...colours.map((c) => [t(`colours.${c}`), s.colours.current[c]]),
      [null, null],
      [t("colours.toRed"), s.colours.toRed.count],
      [t("colours.toYellow"), s.colours.toYellow.count],
      [t("colours.improved"), s.colours.improved.count],
    ],
    [t("export.total"), allProjects],
  );

  sheet(
    t("sections.redList"),
    [t("cols.code"), t("cols.name"), t("cols.leader"), t("cols.owner"), t("cols.reasons")],
    s.redList.rows.map((r) => [r.code, r.name, r.leaderName, r.ownerName, r.reasons.map((x) => x.message).join("；")]),
    [t("export.total"), s.redList.count],
    capNote(s.redList.count, s.redList.rows.length),
  );

  const rankRows: Cell[][] = [];
  for (const who of ["leaders", "owners"] as const)
    for (const side of ["top", "bottom"] as const)
      s.ranking[who][side].forEach((r, i) =>
        rankRows.push([t(`ranking.${who}`), t(`ranking.${side}`), i + 1, r.name, r.projects, Number(r.score)]),
      );
  sheet(
    t("sections.ranking"),
    [t("cols.group"), t("cols.list"), t("cols.rank"), t("cols.person"), t("cols.projects"), t("cols.score")],
    rankRows,
    undefined,
    t("ranking.definition", { asOf: s.ranking.asOf }),
  );

  const noticeRows = (label: string, rows: NoticeRow[]): Cell[][] =>
    rows.map((n) => [
      label,
      n.number,
      n.projectCode,
      n.projectName,
      n.leaderName,
      n.ownerName,
      n.due,
      n.workingDaysOverdue ?? null,
    ]);
  sheet(
    t("sections.notices"),
    [
      t("cols.kind"),
      t("cols.number"),
      t("cols.code"),
      t("cols.name"),
      t("cols.leader"),
      t("cols.owner"),
      t("cols.due"),
      t("cols.daysOverdue"),
    ],
    [
      ...noticeRows(t("notices.issued"), s.notices.issued.rows),
      ...noticeRows(t("notices.closed"), s.notices.closed.rows),
      ...noticeRows(t("notices.overdue"), s.notices.overdue.rows),
      ...noticeRows(t("notices.bulletined", { days: s.notices.bulletined.bulletinDays }), s.notices.bulletined.rows),
    ],
    [
      t("export.total"),
      t("notices.totals", {
        issued: s.notices.issued.count,
        closed: s.notices.closed.count,
        overdue: s.notices.overdue.count,
        bulletined: s.notices.bulletined.count,
      }),
    ],
  );

  const p = s.problems;
  sheet(
    t("sections.problems"),
    [t("cols.item"), t("cols.count")],
    [
      [t("problems.raised"), p.raised.count],
      [t("problems.resolved"), p.resolved.count],
      [t("problems.escalated"), p.escalated.count],
      ...(["1", "2", "3"] as const).map((l) => [t("problems.openAtLevel", { level: l }), p.openByLevel[l]]),
    ],
    [t("problems.openTotal"), p.openByLevel["1"] + p.openByLevel["2"] + p.openByLevel["3"]],
  );

  const pm = s.permits;
  sheet(
    t("sections.permits"),
    [
      t("cols.code"),
      t("cols.name"),
      t("cols.permitType"),
      t("cols.department"),
      t("cols.due"),
      t("cols.decided"),
      t("cols.workingDays"),
      t("cols.onTime"),
    ],
    pm.rows.map((r) => [
      r.projectCode,
      r.projectName,
      r.permitType,
      r.department,
      r.dueDate,
      r.decidedDate,
      r.workingDays,
      t(r.onTime ? "permits.onTime" : "permits.late"),
    ]),
    [t("export.total"), pm.decided, t("permits.onTimeCount", { n: pm.onTime }), t("permits.lateCount", { n: pm.late })],
    capNote(pm.decided, pm.rows.length),
  );

  return {
    body: xlsxStream({ creator: actor.displayName, tables }),
    fileName: `${t("export.fileBase")}_${week}${b.revision > 1 ? `_${t("export.revision", { revision: b.revision })}` : ""}.xlsx`,
    asciiName: `bulletin-${b.weekStart}-r${b.revision}.xlsx`,
  };
}
