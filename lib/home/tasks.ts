import { decideHref } from "@/lib/permits/links";
import "server-only";
import { can, projectScope, type Actor } from "../auth/permissions";
import { isoDate } from "../dates";
import { getDb, type Prisma } from "../db";
import { listPermitCases, permitInbox } from "../permits/queries";
import { missingForStage, type TransitionFacts } from "../projects/stage-machine";
import { pipelineStages, type Stage } from "../projects/stages";
import { mineWhere, stalledWhere } from "../projects/queries";
import { listNotices } from "../supervision/notice-queries";
import { listProblems } from "../problems/problem-queries";
import { withVisibleProjects } from "../projects/visibility";

// 待办: what needs the signed-in user, first on the home page. One list of entries for every
// role (the supervision issue adds notices and problems as entries of their own); each has
// its count, the filtered list it stands for where there is one, and the nearest items.

/** Words from the catalogue: a key and its placeholders (a placeholder may be words itself). */
export type Words = { key: string; params?: Record<string, string | number | Words | Words[]> };

export type HomeTask = {
  /** What the entry is (also its catalogue key under home.tasks). */
  id:
    | "stalledMine"
    | "waitingData"
    | "permitItems"
    | "overduePermits"
    | "stalledAll"
    | "noticesTodo"
    | "plansToSign"
    | "redProjects"
    | "overdueNotices"
    | "problemsDepartment"
    | "problemsProposed";
  title: Words;
  count: number;
  /** The list of all of them, where the app has one. */
  href: string | null;
  tone: "info" | "warning" | "danger";
  items: { id: string; label: string; href: string; note: Words | null }[];
};

/** A project is stalled after this many days without an activity. */
export const STALLED_DAYS = 30;
/** The nearest items an entry shows. */
const NEAREST = 5;

/** The stages whose next stage asks for data the owner enters (签约: date and contract investment…). */
const nextStageOf = (s: Stage): Stage | null => {
  const i = (pipelineStages as readonly Stage[]).indexOf(s);
  return i >= 0 && i + 1 < pipelineStages.length ? pipelineStages[i + 1] : null;
};

// The projects whose next stage waits for data, as SQL (the stage machine's missingForStage
// names the fields of the ones shown; the construction permit is the departments' part, not data).
const waitingDataWhere: Prisma.ProjectWhereInput = {
  OR: [
    {
      stage: "NEGOTIATING",
      OR: [{ signingDate: null }, { contractInvestment: null }, { contractInvestment: { lte: 0 } }],
    },
    { stage: "SIGNED", OR: [{ enterpriseId: null }, { enterprise: { is: { creditCode: null } } }] },
    { stage: "CONSTRUCTION", completionDate: null },
    { stage: "COMPLETED", productionDate: null },
  ],
};

async function stalledMine(actor: Actor): Promise<HomeTask> {
  const db = getDb();
  const where = withVisibleProjects(actor, { AND: [mineWhere(actor), stalledWhere(STALLED_DAYS)] });
  const [count, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      select: { id: true, name: true },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: NEAREST,
    }),
  ]);
  const last = rows.length
    ? await db.projectActivity.groupBy({
        by: ["projectId"],
        where: { projectId: { in: rows.map((r) => r.id) } },
        _max: { date: true },
      })
    : [];
  const lastOf = new Map(last.map((l) => [l.projectId, isoDate(l._max.date)]));
  return {
    id: "stalledMine",
    title: { key: "home.tasks.stalledMine", params: { days: STALLED_DAYS } },
    count,
    href: `/projects?mine=1&stalled=${STALLED_DAYS}`,
    tone: "warning",
    items: rows.map((r) => ({
      id: r.id,
      label: r.name,
      href: `/projects/${r.id}?tab=timeline`,
      note: lastOf.get(r.id)
        ? { key: "home.tasks.lastActivity", params: { date: lastOf.get(r.id)! } }
        : { key: "home.tasks.noActivity" },
    })),
  };
}

async function waitingData(actor: Actor): Promise<HomeTask> {
  const db = getDb();
  const where = withVisibleProjects(actor, { AND: [mineWhere(actor), waitingDataWhere] });
  const [count, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      select: {
        id: true,
        name: true,
        stage: true,
        signingDate: true,
        contractInvestment: true,
        completionDate: true,
        productionDate: true,
        enterprise: { select: { creditCode: true } },
      },
      orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
      take: NEAREST,
    }),
  ]);
  return {
    id: "waitingData",
    title: { key: "home.tasks.waitingData" },
    count,
    href: null,
    tone: "info",
    items: rows.map((p) => {
      const next = nextStageOf(p.stage)!;
      const facts: TransitionFacts = {
        from: p.stage,
        to: next,
        role: actor.role,
        suspendedFrom: null,
        note: "",
        signingDate: p.signingDate,
        contractInvestment: p.contractInvestment?.toFixed(2) ?? null,
        creditCode: p.enterprise?.creditCode ?? null,
        completionDate: p.completionDate,
        productionDate: p.productionDate,
        constructionPermitIssued: false,
      };
      const missing = missingForStage(next, facts, false);
      const fields = missing && !missing.ok ? Object.keys(missing.fields ?? {}) : [];
      return {
        id: p.id,
        label: p.name,
        href: `/projects/${p.id}`,
        note: {
          key: "home.tasks.needs",
          params: {
            stage: { key: `stages.${next}` },
            fields: fields.map((f) => ({ key: `history.fields.${f}` })),
          },
        },
      };
    }),
  };
}

async function permitItems(actor: Actor): Promise<HomeTask> {
  // Items waiting for the department's decision (returned ones wait for the applicant).
  const pending = (await permitInbox({ actor })).toDecide;
  const overdue = pending.filter((i) => i.overdue).length;
  return {
    id: "permitItems",
    title: overdue ? { key: "home.tasks.permitItemsOverdue", params: { overdue } } : { key: "home.tasks.permitItems" },
    count: pending.length,
    href: "/permits",
    tone: overdue ? "danger" : "warning",
    items: pending.slice(0, NEAREST).map((i) => ({
      id: i.id,
      label: i.projectName,
      href: decideHref(i),
      note: {
        key: i.overdue ? "home.tasks.itemOverdue" : "home.tasks.itemDue",
        params: {
          type: i.permitTypeName,
          due: i.dueDate,
          n: Math.abs(i.remainingWorkingDays ?? 0),
        },
      },
    })),
  };
}

async function overduePermits(actor: Actor): Promise<HomeTask> {
  // The case list's own filter, so that the count is the length of the list it links to.
  const { total } = await listPermitCases({ actor, query: { overdue: "true", pageSize: 1 } });
  return {
    id: "overduePermits",
    title: { key: "home.tasks.overduePermits" },
    count: total,
    href: "/permits?overdue=true",
    tone: total ? "danger" : "info",
    items: [],
  };
}

async function stalledAll(actor: Actor): Promise<HomeTask> {
  const count = await getDb().project.count({ where: withVisibleProjects(actor, stalledWhere(STALLED_DAYS)) });
  return {
    id: "stalledAll",
    title: { key: "home.tasks.stalledAll", params: { days: STALLED_DAYS } },
    count,
    href: `/projects?stalled=${STALLED_DAYS}`,
    tone: count ? "warning" : "info",
    items: [],
  };
}

/**
 * The 督办通知 waiting for the actor, as the notice list's own 待办 filter counts them: a
 * reply from its leader or owner; a decision on the reply or on an extension from managers.
 */
async function noticesTodo(actor: Actor): Promise<HomeTask> {
  const { items, total } = await listNotices({ actor, query: { todo: "true", pageSize: NEAREST } });
  return {
    id: "noticesTodo",
    title: { key: "home.tasks.noticesTodo" },
    count: total,
    href: "/supervision/notices?todo=true",
    tone: items.some((n) => n.overdue.overdue) ? "danger" : "warning",
    items: items.map((n) => ({
      id: n.id,
      label: `${n.number} · ${n.projectName}`,
      href: `/supervision/notices/${n.id}`,
      note:
        n.state === "ISSUED"
          ? {
              key: n.overdue.overdue ? "home.tasks.noticeReplyOverdue" : "home.tasks.noticeReplyBy",
              params: { due: n.replyDue },
            }
          : { key: n.extension === "REQUESTED" ? "home.tasks.noticeExtension" : "home.tasks.noticeReview" },
    })),
  };
}

/** 要素保障: the open problems the actor's department answers for, nearest due first. */
async function problemsDepartment(actor: Actor): Promise<HomeTask> {
  const department = await getDb().department.findUnique({
    where: { id: actor.departmentId ?? "" },
    select: { code: true },
  });
  const query = { department: department?.code ?? "-", state: "ACTIVE" };
  const { items, total } = department
    ? await listProblems({ actor, query: { ...query, sort: "due", pageSize: NEAREST } })
    : { items: [], total: 0 };
  return {
    id: "problemsDepartment",
    title: { key: "home.tasks.problemsDepartment" },
    count: total,
    href: `/supervision/problems?${new URLSearchParams(query)}`,
    tone: items.some((p) => p.overdue) ? "danger" : "warning",
    items: items.map((p) => ({
      id: p.id,
      label: `${p.title} · ${p.projectName}`,
      href: `/supervision/problems/${p.id}`,
      note: { key: p.overdue ? "home.tasks.problemOverdue" : "home.tasks.problemDue", params: { due: p.dueDate } },
    })),
  };
}

/** 三级调度: the problems the daily job proposed for the next level, waiting for a manager's decision. */
async function problemsProposed(actor: Actor): Promise<HomeTask> {
  const { items, total } = await listProblems({ actor, query: { proposed: "true", sort: "due", pageSize: NEAREST } });
  return {
    id: "problemsProposed",
    title: { key: "home.tasks.problemsProposed" },
    count: total,
    href: "/supervision/problems?proposed=true",
    tone: "warning",
    items: items.map((p) => ({
      id: p.id,
      label: `${p.title} · ${p.projectName}`,
      href: `/supervision/problems/${p.id}`,
      note: { key: "home.tasks.problemLevel", params: { level: p.level } },
    })),
  };
}

/** The year's plans (责任书) that name the actor as the leader and wait for their signature (签字认领). */
async function plansToSign(actor: Actor): Promise<HomeTask> {
  const db = getDb();
  const where = { leaderId: actor.id, signedAt: null };
  const [count, rows] = await Promise.all([
    db.projectPlan.count({ where }),
    db.projectPlan.findMany({
      where,
      select: { id: true, year: true, projectId: true, project: { select: { name: true } } },
      orderBy: [{ year: "asc" }, { updatedAt: "asc" }],
      take: NEAREST,
    }),
  ]);
  return {
    id: "plansToSign",
    title: { key: "home.tasks.plansToSign" },
    count,
    href: null,
    tone: "warning",
    items: rows.map((r) => ({
      id: r.id,
      label: r.project.name,
      href: `/projects/${r.projectId}?tab=supervision&year=${r.year}`,
      note: { key: "home.tasks.planYear", params: { year: r.year } },
    })),
  };
}

/** Projects 严重滞后 (RED, the effective colour), linking to the grid filtered to them. */
async function redProjects(actor: Actor): Promise<HomeTask> {
  const count = await getDb().project.count({ where: withVisibleProjects(actor, { warning: "RED" }) });
  return {
    id: "redProjects",
    title: { key: "home.tasks.redProjects" },
    count,
    href: "/projects?warning=RED",
    tone: count ? "danger" : "info",
    items: [],
  };
}

/** Overdue 督办通知, as the notice list's overdue filter counts them. */
async function overdueNotices(actor: Actor): Promise<HomeTask> {
  const { total } = await listNotices({ actor, query: { overdue: "true", pageSize: 1 } });
  return {
    id: "overdueNotices",
    title: { key: "home.tasks.overdueNotices" },
    count: total,
    href: "/supervision/notices?overdue=true",
    tone: total ? "danger" : "info",
    items: [],
  };
}

/**
 * The signed-in user's 待办, by what the permission table lets them do: those who work on
 * their own projects (STAFF) — their projects without an activity for 30 days and those
 * whose next stage waits for data; those who lead projects (LEADER) — the led ones without
 * an activity; approvers — their department's items by due date; those who act on every
 * project (MANAGER) — counts of RED projects, overdue notices, overdue permit cases and
 * stalled projects; everyone who answers or manages 督办通知 — the notices waiting for them;
 * leaders — the plans waiting for their signature.
 */
export async function homeTasks({ actor }: { actor: Actor }): Promise<HomeTask[]> {
  const scope = projectScope(actor.role, "update");
  const entries: Promise<HomeTask>[] = [];
  if (scope === "own") entries.push(stalledMine(actor), waitingData(actor));
  if (scope === "led") entries.push(stalledMine(actor));
  if (can(actor.role, "permit.decide")) entries.push(permitItems(actor));
  if (can(actor.role, "notice.reply") || can(actor.role, "notice.manage")) entries.push(noticesTodo(actor));
  if (can(actor.role, "project.lead")) entries.push(plansToSign(actor));
  if (actor.departmentId) entries.push(problemsDepartment(actor));
  if (can(actor.role, "problem.manage")) entries.push(problemsProposed(actor));
  if (scope === "all")
    entries.push(redProjects(actor), overdueNotices(actor), overduePermits(actor), stalledAll(actor));
  return Promise.all(entries);
}
