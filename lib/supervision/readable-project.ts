import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { withVisibleProjects } from "../projects/visibility";

/**
 * The project a supervision page reads (the letter, the 专报), for those who may read the
 * bureau's work on it (else 404) and supervision (else 403, after the 404).
 */
export async function readableProject(actor: Actor, projectId: string) {
  const project = await getDb().project.findFirst({
    where: withVisibleProjects(actor, { id: projectId }, "work"),
    select: {
      id: true,
      code: true,
      name: true,
      enterpriseName: true,
      stage: true,
      totalInvestment: true,
      plannedStartDate: true,
      ownerId: true,
      leaderId: true,
      owner: { select: { displayName: true } },
      leader: { select: { displayName: true } },
      park: { select: { name: true } },
      industry: { select: { name: true } },
    },
  });
  if (!project) throw new AppError("NOT_FOUND");
  assertCan(actor, "supervision.read");
  return project;
}
