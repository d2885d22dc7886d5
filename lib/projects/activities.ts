import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { isoDate } from "../dates";
import { parseInput } from "../validation";
import { activitySchema } from "./schemas";
import { assertProjectVisible, withVisibleProjects } from "./visibility";

/** Logs a visit, call, negotiation, site survey or meeting on the project's timeline. */
export async function addActivity({ actor, projectId, input }: { actor: Actor; projectId: string; input: unknown }) {
  const data = parseInput(activitySchema, input);
  return getDb().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: withVisibleProjects(actor, { id: projectId }),
      select: { id: true, ownerId: true, leaderId: true },
    });
    if (!project) throw new AppError("NOT_FOUND");
    assertCanOnProject(actor, project, "activity");
    const row = await tx.projectActivity.create({
      data: {
        projectId,
        type: data.type,
        date: data.date,
        participants: data.participants,
        notes: data.notes,
        createdById: actor.id,
      },
    });
    const view = {
      id: row.id,
      type: row.type,
      date: isoDate(row.date),
      participants: row.participants,
      notes: row.notes,
    };
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "activity:add",
      after: view,
    });
    // Activity counts as progress on the project for the grid's "updated" column.
    await tx.project.update({ where: { id: projectId }, data: { updatedAt: new Date() } });
    return view;
  });
}

/** The project's timeline, newest first: 404 unless the actor may read the bureau's work on it. */
export async function listActivities({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "project.read");
  await assertProjectVisible(getDb(), { actor, projectId, part: "work" });
  const rows = await getDb().projectActivity.findMany({
    where: { projectId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      type: true,
      date: true,
      participants: true,
      notes: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    date: isoDate(r.date)!,
    participants: r.participants,
    notes: r.notes,
    createdBy: r.createdBy.displayName,
    createdAt: r.createdAt.toISOString(),
  }));
}
