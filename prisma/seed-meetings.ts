// The demo's 调度会议 (SPEC §5): the loop the meetings close, told through the app's own writers.
// - a 协调会 held two weeks ago on the RED projects (科莱福光电, 海川碳纤维) and 科莱福's overdue
//   notice: minutes on each item, decisions that became 要素保障 problems for departments
//   (raiseProblemInTx, linked to the meeting and item) and one 督办通知 (issueNoticeInTx), the
//   minutes signed off by the chair (李明);
// - next month's 月例会, planned, its agenda filled from the proposal (agendaCandidates: RED and
//   YELLOW projects with their reasons, overdue notices, open level-2/3 problems).
// Runs after seedSupervision and the problems' seed. Idempotent: a meeting already there (by
// its title) is not written again.
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma, Tx } from "../lib/db";
import { writeAudit } from "../lib/audit/log";
import { actorSelect, toActor, type Actor } from "../lib/auth/permissions";
import { agendaCandidates } from "../lib/meetings/agenda-candidates";
import { raiseProblemInTx } from "../lib/problems/raise-problem-tx";
import { issueNoticeInTx } from "../lib/supervision/issue-notice-tx";

const dayMs = 86_400_000;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const json = (v: unknown) => v as Prisma.InputJsonValue;

/** The 协调会's title, and next month's 月例会's (both name the meeting for idempotency). */
export const seededMeetingTitles = (today: string) => {
  const [y, m] = today.split("-").map(Number);
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return {
    coordination: "重点项目要素保障协调会（红灯项目专题）",
    monthly: `${next.y}年${next.m}月重点项目推进月例会`,
    monthlyDay: `${next.y}-${String(next.m).padStart(2, "0")}-05`,
  };
};

export async function seedMeetings(db: PrismaClient, today: string) {
  const titles = seededMeetingTitles(today);
  const users = await db.user.findMany({
    where: { username: { in: ["manager", "leader", "staff", "approver_zrzy"] } },
    select: actorSelect,
  });
  const by = new Map(users.map((u) => [u.username, u]));
  const manager = by.get("manager");
  const chair = by.get("leader");
  const projects = new Map(
    (
      await db.project.findMany({
        where: { code: { in: ["NH-2026-0001", "NH-2026-0090"] } },
        select: { id: true, code: true, name: true, leaderId: true },
      })
    ).map((p) => [p.code, p]),
  );
  const kelaifu = projects.get("NH-2026-0001");
  const haichuan = projects.get("NH-2026-0090");
  if (!manager || !chair || !kelaifu || !haichuan) return;
  const actor = toActor(manager);
  const attendeeIds = ["staff", "approver_zrzy"].map((u) => by.get(u)?.id).filter((x): x is string => !!x);

  await db.$transaction(
    async (tx) => {
      if (!(await tx.meeting.findFirst({ where: { title: titles.coordination }, select: { id: true } })))
        await seedCoordination(tx, {
          today,
          actor,
          chair: toActor(chair),
          attendeeIds,
          kelaifu,
          haichuan,
          title: titles.coordination,
        });
      if (!(await tx.meeting.findFirst({ where: { title: titles.monthly }, select: { id: true } })))
        await seedMonthly(tx, {
          today,
          actor,
          chairId: chair.id,
          attendeeIds,
          title: titles.monthly,
          day: titles.monthlyDay,
        });
    },
    { timeout: 60_000 },
  );
}

type Project = { id: string; code: string; name: string; leaderId: string | null };

async function seedCoordination(
  tx: Tx,
  s: {
    today: string;
    actor: Actor;
    chair: Actor;
    attendeeIds: string[];
    kelaifu: Project;
    haichuan: Project;
    title: string;
  },
) {
  const held = plusDays(s.today, -14);
  const overdue = await tx.supervisionNotice.findFirst({
    where: { projectId: s.kelaifu.id, state: { not: "CLOSED" } },
    select: { id: true, year: true, seq: true, subject: true },
  });
  const meeting = await tx.meeting.create({
    data: {
      kind: "COORDINATION",
      title: s.title,
      startsAt: at(held, "09:30"),
      place: "区政府三楼第一会议室",
      chairId: s.chair.id,
      attendeeIds: s.attendeeIds,
      attendeesText: "区发展和改革局、区自然资源和规划局、区工业和信息化局、供电公司、科莱福光电、海川碳纤维",
      createdById: s.actor.id,
      createdAt: at(plusDays(held, -3), "16:00"),
    },
  });
  const item = (position: number, data: Omit<Prisma.MeetingAgendaItemUncheckedCreateInput, "meetingId" | "position">) =>
    tx.meetingAgendaItem.create({ data: { meetingId: meeting.id, position, ...data } });
  const kItem = await item(0, {
    kind: "PROJECT",
    projectId: s.kelaifu.id,
    title: `${s.kelaifu.name}（${s.kelaifu.code}）`,
    reasons: json([{ code: "noticeResolveOverdue", message: "督办通知超期未办结，红灯预警" }]),
    minutes:
      "项目试生产进度滞后，主要卡在光刻胶产线双回路供电接入。会议议定：区工信局牵头协调供电公司，两周内明确接入方案和施工排期；企业同步完成厂区配电房土建。",
  });
  const hItem = await item(1, {
    kind: "PROJECT",
    projectId: s.haichuan.id,
    title: `${s.haichuan.name}（${s.haichuan.code}）`,
    reasons: json([{ code: "startOverdue", message: "计划开工日期已过 4 个月仍未开工" }]),
    minutes:
      "项目用地报批组卷材料不全，计划开工已推迟四个月。会议议定：区自然资源和规划局指导企业补齐组卷材料，限期上报；分包领导督促企业倒排开工计划。",
  });
  if (overdue)
    await item(2, {
      kind: "NOTICE",
      noticeId: overdue.id,
      projectId: s.kelaifu.id,
      title: `${s.kelaifu.name}：督办〔${overdue.year}〕${overdue.seq}号 ${overdue.subject}`,
      reasons: json([{ code: "NOTICE_OVERDUE", message: "督办通知已超过办结期限" }]),
      minutes: "督办通知逾期未办结，责成项目责任人三个工作日内书面说明整改进展。",
    });
  await item(overdue ? 3 : 2, {
    kind: "OTHER",
    title: "近期重点项目要素保障情况通报",
    reasons: json([]),
    minutes: "各责任单位对照会议议定事项抓紧推进，办理情况纳入下次月例会通报。",
  });

  const links = (itemId: string) => ({ meetingId: meeting.id, agendaItemId: itemId });
  await raiseProblemInTx(tx, {
    actor: s.actor,
    input: {
      projectId: s.kelaifu.id,
      title: "光刻胶产线双回路供电接入",
      category: "POWER",
      department: "GXJ",
      dueDate: plusDays(s.today, 10),
      description: "协调供电公司明确双回路接入方案和施工排期（协调会议定）",
    },
    links: links(kItem.id),
  });
  await raiseProblemInTx(tx, {
    actor: s.actor,
    input: {
      projectId: s.haichuan.id,
      title: "项目用地报批组卷",
      category: "LAND",
      department: "ZRZY",
      dueDate: plusDays(s.today, 12),
      description: "指导企业补齐用地报批组卷材料并限期上报（协调会议定）",
    },
    links: links(hItem.id),
  });
  const noticeProject = [s.haichuan, s.kelaifu].find((p) => p.leaderId);
  if (noticeProject)
    await issueNoticeInTx(tx, {
      actor: s.actor,
      input: {
        projectId: noticeProject.id,
        subject: "倒排开工计划，限期开工",
        content: "根据重点项目要素保障协调会议定事项，请分包领导督促企业倒排开工计划，明确开工节点并按期报送进展。",
        replyDays: 3,
        resolveDays: 15,
      },
      links: links(noticeProject.id === s.haichuan.id ? hItem.id : kItem.id),
    });

  const signedOffAt = at(plusDays(held, 1), "17:00");
  await tx.meeting.update({
    where: { id: meeting.id },
    data: { state: "CLOSED", signedOffAt, signedOffById: s.chair.id, version: 3 },
  });
  await writeAudit(tx, {
    actorId: s.actor.id,
    entityType: "Meeting",
    entityId: meeting.id,
    action: "create",
    after: { title: s.title },
  });
  await writeAudit(tx, {
    actorId: s.chair.id,
    entityType: "Meeting",
    entityId: meeting.id,
    action: "signOff",
    before: { state: "PLANNED" },
    after: { state: "CLOSED", signedOffAt: signedOffAt.toISOString() },
  });
}

async function seedMonthly(
  tx: Tx,
  s: { today: string; actor: Actor; chairId: string; attendeeIds: string[]; title: string; day: string },
) {
  const proposal = await agendaCandidates(tx, { kind: "MONTHLY", today: s.today, locale: "zh-CN" });
  const meeting = await tx.meeting.create({
    data: {
      kind: "MONTHLY",
      title: s.title,
      startsAt: at(s.day, "09:00"),
      place: "区政府常务会议室",
      chairId: s.chairId,
      attendeeIds: s.attendeeIds,
      attendeesText: "区直有关部门、各园区管委会主要负责人",
      createdById: s.actor.id,
    },
  });
  // Twelve items in the proposal's order: the RED projects, overdue notices and problems
  // always, the YELLOW projects as room remains (the district has more of them than one
  // meeting takes up).
  const red = new Set(
    (await tx.project.findMany({ where: { warning: "RED" }, select: { id: true } })).map((p) => p.id),
  );
  const core = proposal.items.filter((p) => p.kind !== "PROJECT" || red.has(p.projectId));
  let room = Math.max(0, 12 - core.length);
  const agenda = proposal.items.filter((p) => p.kind !== "PROJECT" || red.has(p.projectId) || room-- > 0).slice(0, 12);
  for (const [position, p] of agenda.entries())
    await tx.meetingAgendaItem.create({
      data: {
        meetingId: meeting.id,
        position,
        kind: p.kind,
        projectId: p.projectId,
        noticeId: p.kind === "NOTICE" ? p.id : null,
        problemId: p.kind === "PROBLEM" ? p.id : null,
        title: p.title,
        reasons: json(p.reasons),
      },
    });
  await writeAudit(tx, {
    actorId: s.actor.id,
    entityType: "Meeting",
    entityId: meeting.id,
    action: "create",
    after: { title: s.title },
  });
}
