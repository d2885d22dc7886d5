import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { loadCalendar } from "../calendar/load-calendar";
import { workingDaysBetween } from "../calendar/working-days";
import { shanghaiToday } from "../dates";
import { lockRow } from "../locks";
import { notify } from "../notifications/notify";
import { getSupervisionSettings } from "../supervision/settings";
import { escalationCandidatesWhere } from "./escalation-where";
import { dueForEscalationProposal, topProblemLevel } from "./problem-machine";
import { problemHref } from "./problem-access";
import { writeProblemEvent } from "./problem-timeline";
import { problemManagers } from "./escalate-problem";

/**
 * 三级调度's proposals (a pg-boss job, daily at 08:00; idempotent — it may run twice, or be
 * retried): an open problem below level 3 that has been at its level for 督办规则's
 * problemEscalateDays working days or more (counted from levelSince) is proposed for the next
 * level — marked (escalationProposedAt), ESCALATION_PROPOSED on its timeline, and every
 * manager and the project's leader told once (dedupe key per problem and level). Under the
 * problem's row lock, so a second run finds it marked and does nothing.
 */
export async function proposeProblemEscalations(opts: { today?: string } = {}): Promise<{ proposed: number }> {
  const today = opts.today ?? shanghaiToday();
  const db = getDb();
  const [cal, settings] = await Promise.all([loadCalendar(db), getSupervisionSettings(db)]);
  const candidates = await db.problem.findMany({
    where: escalationCandidatesWhere(),
    select: { id: true, state: true, level: true, levelSince: true },
  });
  const due = candidates.filter((p) =>
    dueForEscalationProposal(
      {
        state: p.state,
        level: p.level,
        proposed: false,
        workingDaysAtLevel: workingDaysBetween(cal, shanghaiToday(p.levelSince), today),
      },
      settings.problemEscalateDays,
    ),
  );
  if (!due.length) return { proposed: 0 };
  const managers = await problemManagers(db);
  let proposed = 0;
  for (const c of due) {
    const done = await db.$transaction(async (tx) => {
      if (!(await lockRow(tx, "problems", c.id))) return false;
      const p = await tx.problem.findUniqueOrThrow({
        where: { id: c.id },
        select: {
          id: true,
          title: true,
          state: true,
          level: true,
          levelSince: true,
          escalationProposedAt: true,
          project: { select: { name: true, leaderId: true } },
        },
      });
      const days = workingDaysBetween(cal, shanghaiToday(p.levelSince), today);
      const fresh = dueForEscalationProposal(
        { state: p.state, level: p.level, proposed: !!p.escalationProposedAt, workingDaysAtLevel: days },
        settings.problemEscalateDays,
      );
      if (!fresh || p.level >= topProblemLevel) return false;
      await tx.problem.update({ where: { id: p.id }, data: { escalationProposedAt: new Date() } });
      await writeProblemEvent(tx, {
        problemId: p.id,
        action: "ESCALATION_PROPOSED",
        fromState: p.state,
        toState: p.state,
        fromLevel: p.level,
        toLevel: p.level,
        actorId: null,
        note: null,
      });
      await writeAudit(tx, {
        actorId: null,
        entityType: "Problem",
        entityId: p.id,
        action: "escalation:propose",
        after: { level: p.level, state: p.state },
      });
      await notify(tx, {
        userIds: [...managers, p.project.leaderId],
        kind: "problemEscalationProposed",
        params: { projectName: p.project.name, title: p.title, level: p.level, days },
        href: problemHref(p.id),
        entity: { type: "Problem", id: p.id },
        dedupeKey: `problem-escalation:${p.id}:${p.level}:${p.levelSince.toISOString()}`,
      });
      return true;
    });
    if (done) proposed++;
  }
  return { proposed };
}
