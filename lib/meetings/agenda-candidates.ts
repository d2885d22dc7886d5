// No "server-only" marker: it reads through the client or transaction it is given, so the
// demo seed (a plain Node script) fills next month's 月例会 with the same proposal.
import type { Prisma, Tx } from "../db";
import { isoDate } from "../dates";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { noticeNumber } from "../supervision/notice-machine";
import { noticeOverdue, overdueNoticesWhere } from "../supervision/notice-overdue";
import { localizeReasons } from "../supervision/warning-view";
import { proposedProblemLevels, type MeetingKind } from "./meeting-machine";

/** How many items each group proposes at most; the rest are counted (`groups[].more`). */
export const proposalGroupSize = 50;

export type ProposedItem = {
  kind: "PROJECT" | "NOTICE" | "PROBLEM";
  id: string;
  projectId: string;
  title: string;
  reasons: { code: string; message: string }[];
};
export type ProposalGroup = { group: string; total: number; shown: number; more: number };

const openProblemStates = ["OPEN", "IN_PROGRESS"] as const;

/**
 * The agenda proposed for a meeting (SPEC §5): RED projects, then YELLOW ones, each with the
 * reasons of its colour; overdue notices (督办超期); open problems at the levels the meeting
 * takes up (level 3 before level 2 for a 月例会; a 协调会 takes level 2). Each group is one
 * indexed query for its first `proposalGroupSize` and one count, whatever the number of
 * projects.
 */
export async function agendaCandidates(
  db: Tx,
  { kind, today, locale }: { kind: MeetingKind; today: string; locale: Locale },
): Promise<{ items: ProposedItem[]; groups: ProposalGroup[] }> {
  const take = proposalGroupSize;
  const colourWhere = (warning: "RED" | "YELLOW") => ({ warning }) satisfies Prisma.ProjectWhereInput;
  const projectSelect = {
    id: true,
    code: true,
    name: true,
    warningReasons: true,
    warningOverrideColor: true,
    warningOverrideReason: true,
  } as const;
  const noticeWhere = overdueNoticesWhere(today);
  const levels = proposedProblemLevels(kind);
  const problemWhere = (level: number) =>
    ({ state: { in: [...openProblemStates] }, level }) satisfies Prisma.ProblemWhereInput;

  const [red, redTotal, yellow, yellowTotal, notices, noticeTotal, ...problemGroups] = await Promise.all([
    db.project.findMany({ where: colourWhere("RED"), select: projectSelect, orderBy: [{ updatedAt: "desc" }], take }),
    db.project.count({ where: colourWhere("RED") }),
    db.project.findMany({
      where: colourWhere("YELLOW"),
      select: projectSelect,
      orderBy: [{ updatedAt: "desc" }],
      take,
    }),
    db.project.count({ where: colourWhere("YELLOW") }),
    db.supervisionNotice.findMany({
      where: noticeWhere,
      select: {
        id: true,
        year: true,
        seq: true,
        subject: true,
        state: true,
        replyDue: true,
        resolveDue: true,
        projectId: true,
        project: { select: { name: true } },
      },
      orderBy: [{ resolveDue: "asc" }, { id: "asc" }],
      take,
    }),
    db.supervisionNotice.count({ where: noticeWhere }),
    ...levels.flatMap((level) => [
      db.problem.findMany({
        where: problemWhere(level),
        select: {
          id: true,
          title: true,
          level: true,
          dueDate: true,
          projectId: true,
          project: { select: { name: true } },
          department: { select: { name: true } },
        },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take,
      }),
      db.problem.count({ where: problemWhere(level) }),
    ]),
  ]);

  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `meetings.reasons.${key}`, params);
  const projectItem = (p: (typeof red)[number]): ProposedItem => ({
    kind: "PROJECT",
    id: p.id,
    projectId: p.id,
    title: `${p.name}（${p.code}）`,
    reasons: [
      ...localizeReasons(p.warningReasons, locale).map((r) => ({ code: r.code, message: r.message })),
      ...(p.warningOverrideColor
        ? [{ code: "OVERRIDE", message: t("override", { reason: p.warningOverrideReason ?? "" }) }]
        : []),
    ],
  });
  const items: ProposedItem[] = [...red.map(projectItem), ...yellow.map(projectItem)];
  for (const n of notices) {
    const number = noticeNumber(n.year, n.seq);
    const late = noticeOverdue(
      { state: n.state, replyDue: isoDate(n.replyDue)!, resolveDue: isoDate(n.resolveDue)! },
      today,
    );
    items.push({
      kind: "NOTICE",
      id: n.id,
      projectId: n.projectId,
      title: `${n.project.name}：${number} ${n.subject}`,
      reasons: [
        {
          code: late.kind === "reply" ? "NOTICE_REPLY_OVERDUE" : "NOTICE_OVERDUE",
          message: t(late.kind === "reply" ? "noticeReplyOverdue" : "noticeOverdue", { number, due: late.due ?? "" }),
        },
      ],
    });
  }
  const groups: ProposalGroup[] = [
    { group: "RED", total: redTotal, shown: red.length, more: redTotal - red.length },
    { group: "YELLOW", total: yellowTotal, shown: yellow.length, more: yellowTotal - yellow.length },
    { group: "NOTICE", total: noticeTotal, shown: notices.length, more: noticeTotal - notices.length },
  ];
  levels.forEach((level, i) => {
    const rows = problemGroups[i * 2] as {
      id: string;
      title: string;
      level: number;
      dueDate: Date;
      projectId: string;
      project: { name: string };
      department: { name: string };
    }[];
    const total = problemGroups[i * 2 + 1] as number;
    for (const p of rows) {
      const due = isoDate(p.dueDate)!;
      items.push({
        kind: "PROBLEM",
        id: p.id,
        projectId: p.projectId,
        title: `${p.project.name}：${p.title}`,
        reasons: [
          {
            code: `PROBLEM_LEVEL_${p.level}`,
            message: t(due < today ? "problemLevelOverdue" : "problemLevel", {
              level: translate(locale, `problems.levelNames.${p.level}`),
              department: p.department.name,
              due,
            }),
          },
        ],
      });
    }
    groups.push({ group: `PROBLEM_${level}`, total, shown: rows.length, more: total - rows.length });
  });
  return { items, groups };
}
