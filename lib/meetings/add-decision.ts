import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { raiseProblemInTx } from "../problems/raise-problem";
import { issueNoticeInTx } from "../supervision/issue-notice";
import { parseInput } from "../validation";
import { checkMeetingAction } from "./meeting-machine";
import { enforceMeeting, lockMeeting, meetingFacts, meetingView } from "./meeting-load";
import { addDecisionSchema } from "./schemas";

/**
 * A decision (会议决定) on an agenda item (POST /api/v1/meetings/{id}/decisions): a 要素保障
 * problem for a department with a due date (raiseProblemInTx), or a 督办通知 to the project's
 * leader with its deadlines (issueNoticeInTx) — for the item's project — linked to the meeting
 * and the item. A decision without an owner or a deadline is refused at its field (400) and
 * nothing is saved. After sign-off only with a reason (audited).
 */
export async function addDecision({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: unknown }) {
  assertCan(actor, "meeting.manage");
  const data = parseInput(addDecisionSchema, input);
  return getDb().$transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, meetingId);
    enforceMeeting(checkMeetingAction("DECIDE", meetingFacts(actor, m, data.reason)), "meeting.manage");
    const item = await tx.meetingAgendaItem.findFirst({
      where: { id: data.agendaItemId, meetingId: m.id },
      select: { id: true, title: true, projectId: true },
    });
    if (!item) throw new AppError("VALIDATION", { labels: "meeting", fields: { agendaItemId: "validation.choose" } });
    const projectId = item.projectId ?? data.projectId;
    if (!projectId) throw new AppError("VALIDATION", { labels: "meeting", fields: { projectId: "validation.choose" } });
    const links = { meetingId: m.id, agendaItemId: item.id };

    let decided:
      | { type: "PROBLEM"; problem: Awaited<ReturnType<typeof raiseProblemInTx>> }
      | {
          type: "NOTICE";
          notice: Awaited<ReturnType<typeof issueNoticeInTx>>;
        };
    if (data.type === "PROBLEM") {
      const problem = await raiseProblemInTx(tx, {
        actor,
        input: { projectId, ...data.problem, dueDate: day(data.problem.dueDate) },
        links,
      });
      decided = { type: "PROBLEM", problem };
    } else {
      const project = await tx.project.findUnique({ where: { id: projectId }, select: { leaderId: true } });
      if (!project) throw new AppError("VALIDATION", { labels: "meeting", fields: { projectId: "validation.choose" } });
      // A notice's owner is the project's leader in charge: without one the decision has no owner.
      if (!project.leaderId)
        throw new AppError("VALIDATION", { labels: "meeting", fields: { notice: "validation.meetingNoticeNoLeader" } });
      const notice = await issueNoticeInTx(tx, { actor, input: { projectId, ...data.notice }, links });
      decided = { type: "NOTICE", notice };
    }
    const afterSignOff = m.state === "CLOSED";
    const subject = decided.type === "PROBLEM" ? decided.problem.title : decided.notice.subject;
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Meeting",
      entityId: m.id,
      action: afterSignOff ? "decide:afterSignOff" : "decide",
      after: {
        item: item.title,
        decisionType: decided.type,
        decision: subject,
        ...(afterSignOff ? { reason: data.reason } : {}),
      },
    });
    return { ...decided, meeting: await meetingView(tx, m.id) };
  });
}

const day = (d: Date) => d.toISOString().slice(0, 10);
