// The demo's 督查督办 (SPEC §5, issue 12): the story projects' letters for the current year with
// their milestones and 日调度, notices in each state, one override, next year's letter waiting
// for the leader's signature — and the colours they give, computed by the app's own rules
// (recomputeWarning: the one writer of the colour history) so that the seeded colours tell the
// story whenever the demo starts (dates are counted from the day of seeding):
// - 润辉生物 (under construction, on plan): BLUE;
// - 中硼科技 (signed, its planned start passed weeks ago): YELLOW, a notice answered (REPLIED);
// - 科莱福光电 (trial production): RED, its notice unanswered and overdue (ISSUED);
// - 海川碳纤维 (approving, planned start four months past): RED;
// - 安屯尼 (in production, on plan) overridden to YELLOW by the manager, the rules' BLUE beside it;
// - 开影医疗: no letter this year (未纳入调度), next year's drafted for the leader to sign;
// - a notice on 润辉 closed (办结销号) in the spring.
// Idempotent: nothing is written when the year's letters exist.
import type { PrismaClient } from "../generated/prisma/client";
import type { Tx } from "../lib/db";
import { loadCalendar } from "../lib/calendar/load-calendar";
import { addWorkingDays } from "../lib/calendar/working-days";
import { storedDate } from "../lib/dates";
import { nameColumns } from "../lib/enterprises/name-key";
import { notify } from "../lib/notifications/notify";
import { noticeNumber } from "../lib/supervision/notice-machine";
import { writeNoticeEvent } from "../lib/supervision/notice-timeline";
import { quarterEnd } from "../lib/supervision/plan-dates";
import { syncPlanProgress } from "../lib/supervision/plan-progress";
import { recomputeWarning } from "../lib/supervision/recompute-warning";
import { writeWarningChanges } from "../lib/supervision/warning-changes";
import { addMonths, readReasons } from "../lib/supervision/warning-rules";

type Stage = "LEAD" | "NEGOTIATING" | "SIGNED" | "APPROVING" | "CONSTRUCTION" | "COMPLETED" | "PRODUCTION";
type Milestone = [stage: Stage, investment: string, task: string];
type Letter = {
  code: string;
  goalStage: Stage;
  goalInvestment: string;
  milestones: Milestone[];
  /** Progress reported on the straight line of the year (on plan), or up to this share of the goal. */
  progress: { every: number; from?: string; share?: number; note: string; problems?: string };
};

const dayMs = 86_400_000;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const yearShare = (day: string) => {
  const year = Number(day.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  return ((Date.parse(`${day}T00:00:00Z`) - jan1) / dayMs + 1) / ((Date.UTC(year + 1, 0, 1) - jan1) / dayMs);
};

const letters: Letter[] = [
  {
    // 润辉: under construction since July, reported every week on the year's straight line.
    code: "NH-2026-0002",
    goalStage: "CONSTRUCTION",
    goalInvestment: "40000",
    milestones: [
      ["APPROVING", "6000", "七证合一并联审批，完成施工图审查"],
      ["APPROVING", "14000", "取得施工许可证，完成场地平整"],
      ["CONSTRUCTION", "24000", "主体结构施工，GMP 车间封顶"],
      ["CONSTRUCTION", "40000", "洁净车间装修与多肽合成设备安装"],
    ],
    progress: { every: 7, note: "主体结构施工，洁净车间同步装修", problems: "双回路供电接入待电力部门排期" },
  },
  {
    // 中硼: signed in October; the year's goal is the land and the design, the start is late.
    code: "NH-2026-0005",
    goalStage: "CONSTRUCTION",
    goalInvestment: "1200",
    milestones: [
      ["LEAD", "0", "对接企业扩产需求"],
      ["NEGOTIATING", "0", "完成投资协议谈判"],
      ["NEGOTIATING", "0", "确定项目选址"],
      ["CONSTRUCTION", "1200", "缴纳土地出让金，完成方案设计并开工"],
    ],
    progress: { every: 10, from: "2026-10-20", share: 0.96, note: "缴纳土地出让保证金，开展方案设计" },
  },
  {
    // 科莱福: completed in October, trial production; the year's money nearly spent.
    code: "NH-2026-0001",
    goalStage: "PRODUCTION",
    goalInvestment: "15000",
    milestones: [
      ["CONSTRUCTION", "3000", "生产车间竣工"],
      ["CONSTRUCTION", "7000", "配套危化品仓库建设"],
      ["CONSTRUCTION", "11000", "竣工验收"],
      ["PRODUCTION", "15000", "试生产并正式投产"],
    ],
    progress: { every: 14, share: 0.86, note: "光刻胶中试产品送样验证", problems: "危化品仓储许可与电力增容未落实" },
  },
  {
    // 安屯尼: in production, 二期技改 on plan — the manager holds it YELLOW for a reason of his own.
    code: "NH-2026-0003",
    goalStage: "PRODUCTION",
    goalInvestment: "10000",
    milestones: [
      ["PRODUCTION", "2000", "二期技改方案备案"],
      ["PRODUCTION", "5000", "换电柜产线设备采购"],
      ["PRODUCTION", "8000", "设备安装调试"],
      ["PRODUCTION", "10000", "二期产线达产"],
    ],
    progress: { every: 7, note: "二期技改设备安装调试" },
  },
];

export async function seedSupervision(db: PrismaClient, today: string) {
  const year = Number(today.slice(0, 4));
  const users = Object.fromEntries(
    (
      await db.user.findMany({
        where: { username: { in: ["staff", "leader", "manager"] } },
        select: { id: true, username: true },
      })
    ).map((u) => [u.username, u.id]),
  );
  const projects = new Map(
    (
      await db.project.findMany({
        where: { code: { in: [...letters.map((l) => l.code), "NH-2026-0004"] } },
        select: { id: true, code: true, name: true, ownerId: true, leaderId: true },
      })
    ).map((p) => [p.code, p]),
  );
  if (!users.leader || !users.manager || projects.size < letters.length + 1) return;
  if (await db.projectPlan.findFirst({ where: { year, projectId: projects.get(letters[0].code)!.id } })) return;
  const calendar = await loadCalendar(db);
  const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
  const janSigned = at(`${year}-01-10`);

  await db.$transaction(
    async (tx) => {
      for (const l of letters) {
        const p = projects.get(l.code)!;
        await tx.projectPlan.create({
          data: {
            projectId: p.id,
            year,
            goalStage: l.goalStage,
            goalInvestment: l.goalInvestment,
            leaderId: users.leader,
            createdById: users.staff ?? p.ownerId,
            signedAt: janSigned,
            signedById: users.leader,
            milestones: {
              create: l.milestones.map(([stage, investment, task], i) => ({
                quarter: i + 1,
                stage,
                investment,
                task,
                dueDate: storedDate(quarterEnd(year, i + 1)),
              })),
            },
          },
        });
        // Entries back from yesterday, every `every` days, on the straight line (or up to `share`).
        const goal = Number(l.goalInvestment);
        const first = l.progress.from && l.progress.from.startsWith(String(year)) ? l.progress.from : `${year}-01-01`;
        const dates: string[] = [];
        for (let d = plusDays(today, -1); d >= first && d.startsWith(String(year)); d = plusDays(d, -l.progress.every))
          dates.push(d);
        const latest = dates[0];
        await tx.progressEntry.createMany({
          data: dates.map((date) => {
            const share = l.progress.share ? l.progress.share * (yearShare(date) / yearShare(latest)) : yearShare(date);
            const invested = Math.min(goal, Math.round(goal * share * 100) / 100);
            return {
              projectId: p.id,
              date: storedDate(date),
              investmentCompleted: invested.toFixed(2),
              percent: Math.min((invested / goal) * 100, 999.99).toFixed(2),
              note: l.progress.note,
              problems: date === latest ? (l.progress.problems ?? null) : null,
              createdById: p.ownerId,
              createdAt: at(date, 17),
            };
          }),
        });
        await syncPlanProgress(tx, [p.id]);
      }
      // 中硼's planned start: some weeks ago, and not started.
      await tx.project.update({
        where: { id: projects.get("NH-2026-0005")!.id },
        data: { plannedStartDate: storedDate(plusDays(today, -26)) },
      });

      // 督办通知 of the year, numbered 1, 2, 3.
      let seq = 0;
      const issue = async (
        code: string,
        issuedOn: string,
        subject: string,
        content: string,
        after: (n: { id: string; number: string; replyDue: string; resolveDue: string }) => Promise<void>,
      ) => {
        const p = projects.get(code)!;
        seq += 1;
        const replyDue = addWorkingDays(calendar, issuedOn, 3);
        const resolveDue = addWorkingDays(calendar, issuedOn, 15);
        const n = await tx.supervisionNotice.create({
          data: {
            year,
            seq,
            projectId: p.id,
            subject,
            content,
            issuedById: users.manager,
            issuedAt: at(issuedOn, 9),
            leaderId: p.leaderId ?? users.leader,
            ownerId: p.ownerId,
            replyDays: 3,
            resolveDays: 15,
            replyDue: storedDate(replyDue),
            resolveDue: storedDate(resolveDue),
          },
        });
        await writeNoticeEvent(tx, {
          noticeId: n.id,
          action: "ISSUED",
          fromState: null,
          toState: "ISSUED",
          actorId: users.manager,
          at: at(issuedOn, 9),
        });
        const number = noticeNumber(year, seq);
        await notify(tx, {
          userIds: [p.leaderId, p.ownerId],
          kind: "noticeIssued",
          params: { number, project: p.name, subject, due: replyDue },
          href: `/supervision/notices/${n.id}`,
          entity: { type: "SupervisionNotice", id: n.id },
        });
        await after({ id: n.id, number, replyDue, resolveDue });
      };
      // 润辉, in the spring: answered and closed.
      await issue(
        "NH-2026-0002",
        `${year}-04-08`,
        "加快办理施工许可，确保二季度开工准备",
        "七证合一审批进度滞后于计划，请落实施工图审查意见的整改，加快施工许可办理。",
        async (n) => {
          const replied = addWorkingDays(calendar, `${year}-04-08`, 2);
          const closed = addWorkingDays(calendar, `${year}-04-08`, 12);
          await tx.supervisionNotice.update({
            where: { id: n.id },
            data: {
              state: "CLOSED",
              reply: "已按审查意见完成施工图修改并复审通过，施工许可证预计 5 月上旬取得。",
              repliedAt: at(replied, 16),
              repliedById: projects.get("NH-2026-0002")!.leaderId,
              replyAcceptedAt: at(replied, 18),
              replyAcceptedById: users.manager,
              closedAt: at(closed, 11),
              closedById: users.manager,
              version: 3,
            },
          });
          const leader = projects.get("NH-2026-0002")!.leaderId;
          await writeNoticeEvent(tx, {
            noticeId: n.id,
            action: "REPLIED",
            fromState: "ISSUED",
            toState: "REPLIED",
            actorId: leader,
            at: at(replied, 16),
          });
          await writeNoticeEvent(tx, {
            noticeId: n.id,
            action: "CLOSED",
            fromState: "REPLIED",
            toState: "CLOSED",
            actorId: users.manager,
            note: "施工许可证已取得，办结销号",
            at: at(closed, 11),
          });
        },
      );
      // 中硼, two weeks ago: answered, waiting for the manager.
      const zhongpengOn = plusDays(today, -14);
      await issue(
        "NH-2026-0005",
        zhongpengOn,
        "计划开工已逾期，请尽快落实开工条件",
        "项目计划开工日期已过，尚未开工。请说明原因，提出开工前各项手续的办理计划和时间节点。",
        async (n) => {
          const replied = addWorkingDays(calendar, zhongpengOn, 2);
          const p = projects.get("NH-2026-0005")!;
          await tx.supervisionNotice.update({
            where: { id: n.id },
            data: {
              state: "REPLIED",
              reply: "土地出让合同已签订，规划方案已报审；计划 12 月中旬取得施工许可并开工，每周报送进度。",
              repliedAt: at(replied, 15),
              repliedById: p.ownerId,
              version: 2,
            },
          });
          await writeNoticeEvent(tx, {
            noticeId: n.id,
            action: "REPLIED",
            fromState: "ISSUED",
            toState: "REPLIED",
            actorId: p.ownerId,
            at: at(replied, 15),
          });
          await notify(tx, {
            userIds: [users.manager],
            kind: "noticeReplied",
            params: { number: n.number, project: p.name },
            href: `/supervision/notices/${n.id}`,
            entity: { type: "SupervisionNotice", id: n.id },
          });
        },
      );
      // 科莱福, over a month ago: unanswered, overdue — the project is RED.
      const kelaifuOn = plusDays(today, -35);
      await issue(
        "NH-2026-0001",
        kelaifuOn,
        "危化品仓储与电力增容问题整改",
        "试生产所需危化品仓储许可和电力增容尚未落实，影响按期投产。请于期限内报送整改措施并落实。",
        async (n) => {
          const p = projects.get("NH-2026-0001")!;
          await tx.supervisionNotice.update({
            where: { id: n.id },
            data: { overdueNotifiedAt: at(plusDays(n.resolveDue, 1), 8) },
          });
          await notify(tx, {
            userIds: [p.leaderId, p.ownerId, users.manager],
            kind: "noticeOverdue",
            params: { number: n.number, project: p.name, due: n.resolveDue },
            href: `/supervision/notices/${n.id}`,
            entity: { type: "SupervisionNotice", id: n.id },
            dedupeKey: `notice-overdue:${n.id}:${n.resolveDue}`,
          });
        },
      );
      await tx.noticeCounter.upsert({ where: { year }, create: { year, last: seq }, update: { last: seq } });

      // 开影医疗: next year's letter drafted, waiting for the leader's signature.
      const kaiying = projects.get("NH-2026-0004")!;
      await tx.projectPlan.create({
        data: {
          projectId: kaiying.id,
          year: year + 1,
          goalStage: "PRODUCTION",
          goalInvestment: "6000",
          leaderId: users.leader,
          createdById: kaiying.ownerId,
          milestones: {
            create: [
              ["PRODUCTION", "1000", "CT 探测器产线扩产方案备案"],
              ["PRODUCTION", "2500", "球管配套车间改造"],
              ["PRODUCTION", "4500", "新增产线设备安装"],
              ["PRODUCTION", "6000", "新增产能达产"],
            ].map(([stage, investment, task], i) => ({
              quarter: i + 1,
              stage: stage as Stage,
              investment,
              task,
              dueDate: storedDate(quarterEnd(year + 1, i + 1)),
            })),
          },
        },
      });
      await notify(tx, {
        userIds: [users.leader],
        kind: "planToSign",
        params: { project: kaiying.name, year: year + 1, by: "张伟" },
        href: `/projects/${kaiying.id}?tab=supervision&year=${year + 1}`,
        entity: { type: "Project", id: kaiying.id },
      });

      await seedCarbonFibre(tx, { today, year, manager: users.manager, leader: users.leader });

      // The colours, by the rules (the overdue notice included), each with its history row.
      const planned = await tx.projectPlan.findMany({ where: { year }, select: { projectId: true } });
      for (const { projectId } of planned) await recomputeWarning(tx, projectId, { today });

      // 安屯尼: on plan (BLUE by the rules), held YELLOW by the manager until the end of next month.
      const antunni = projects.get("NH-2026-0003")!;
      const reason = "二期换电柜产线设备到货延迟，产能爬坡不及预期，提请关注";
      const computed = await tx.project.findUniqueOrThrow({
        where: { id: antunni.id },
        select: { warning: true, warningComputed: true, warningReasons: true },
      });
      await tx.project.update({
        where: { id: antunni.id },
        data: {
          warning: "YELLOW",
          warningOverrideColor: "YELLOW",
          warningOverrideReason: reason,
          warningOverrideUntil: storedDate(addMonths(today, 1)),
          warningOverrideById: users.manager,
          warningOverrideAt: new Date(),
        },
      });
      await writeWarningChanges(tx, [
        {
          projectId: antunni.id,
          from: computed.warning,
          to: "YELLOW",
          computed: computed.warningComputed,
          reasons: readReasons(computed.warningReasons),
          source: "OVERRIDE",
          reason,
          byId: users.manager,
        },
      ]);

      // The inbox entries of past events carry their own times (newest first reads as a story).
      for (const [kind, hoursAgo] of [
        ["noticeIssued", 24 * 14],
        ["noticeReplied", 24 * 12],
        ["noticeOverdue", 24 * 10],
        ["planToSign", 20],
      ] as const)
        await tx.notification.updateMany({
          where: { kind, readAt: null },
          data: { createdAt: new Date(Date.now() - hoursAgo * 3_600_000) },
        });
    },
    { timeout: 60_000 },
  );
}

/**
 * 海川碳纤维: approving since February, its planned start four months past without a start —
 * RED for a reason anyone can read (the colour's browser test overrides it).
 */
async function seedCarbonFibre(tx: Tx, u: { today: string; year: number; manager: string; leader: string }) {
  const code = "NH-2026-0090";
  if (await tx.project.findUnique({ where: { code } })) return;
  const [industry, park] = await Promise.all([
    tx.industry.findUniqueOrThrow({ where: { code: "NEW_ENERGY_MATERIALS" } }),
    tx.park.findUniqueOrThrow({ where: { code: "NMP" } }),
  ]);
  const enterpriseName = "海川碳纤维复合材料有限公司";
  const enterprise =
    (await tx.enterprise.findFirst({ where: { name: enterpriseName } })) ??
    (await tx.enterprise.create({ data: { ...nameColumns(enterpriseName), isLocal: false } }));
  const signed = `${u.year}-01-18`;
  const project = await tx.project.create({
    data: {
      code,
      name: "海川碳纤维复合材料项目",
      enterpriseId: enterprise.id,
      enterpriseName,
      industryId: industry.id,
      parkId: park.id,
      totalInvestment: "26000.00",
      contractInvestment: "26000.00",
      stage: "APPROVING",
      signingDate: storedDate(signed),
      plannedStartDate: storedDate(addMonths(u.today, -4)),
      ownerId: u.manager,
      leaderId: u.leader,
      description: "年产 3000 吨碳纤维复合材料，土地手续未完成，计划开工已逾期。",
      tags: ["十强产业"],
    },
  });
  await tx.stageChange.createMany({
    data: [
      { projectId: project.id, fromStage: null, toStage: "SIGNED", userId: u.manager, createdAt: storedDate(signed) },
      {
        projectId: project.id,
        fromStage: "SIGNED",
        toStage: "APPROVING",
        userId: u.manager,
        createdAt: storedDate(`${u.year}-02-20`),
      },
    ],
  });
  await tx.projectPlan.create({
    data: {
      projectId: project.id,
      year: u.year,
      goalStage: "CONSTRUCTION",
      goalInvestment: "8000.00",
      leaderId: u.leader,
      signedAt: storedDate(`${u.year}-02-01`),
      signedById: u.leader,
      createdById: u.manager,
      milestones: {
        create: (
          [
            ["APPROVING", "0.00"],
            ["CONSTRUCTION", "2000.00"],
            ["CONSTRUCTION", "5000.00"],
            ["CONSTRUCTION", "8000.00"],
          ] as const
        ).map(([stage, investment], i) => ({
          quarter: i + 1,
          stage,
          investment,
          task: `第 ${i + 1} 季度节点`,
          dueDate: storedDate(quarterEnd(u.year, i + 1)),
        })),
      },
    },
  });
}
