import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { canOnProject, type Actor } from "../auth/permissions";
import { lockProject } from "../projects/load";
import { moveLockedProject } from "../projects/move-stage";
import { parseInput } from "../validation";
import { caseView, enforce } from "./load";
import { checkOpenCase } from "./permit-machine";
import { applicationSchema } from "./schemas";
import { writePermitEvent } from "./timeline";

/**
 * Opens the project's 七证合一 case (one per project) from SIGNED, REGISTERED or APPROVING,
 * with the application as far as it is known. A REGISTERED project moves to APPROVING
 * (手续办理) in the same transaction, through the stage machine like any other move.
 */
export async function openPermitCase({ actor, projectId, input }: { actor: Actor; projectId: string; input: unknown }) {
  const data = parseInput(applicationSchema, input);
  return getDb().$transaction(async (tx) => {
    const locked = await lockProject(tx, { actor, id: projectId });
    const p = locked.row;
    const existing = await tx.permitCase.findUnique({ where: { projectId }, select: { id: true } });
    enforce(
      checkOpenCase({
        projectStage: p.stage,
        caseExists: existing !== null,
        applicant: canOnProject(actor, p, "permit"),
      }),
      "project.permit",
    );
    const c = await tx.permitCase.create({ data: { projectId, openedById: actor.id, ...data } });
    await writePermitEvent(tx, { caseId: c.id, type: "OPENED", userId: actor.id });
    if (p.stage === "REGISTERED")
      await moveLockedProject(tx, {
        actor,
        locked,
        data: { to: "APPROVING", note: "开启七证合一审批", version: p.version },
      });
    const view = await caseView(tx, c.id);
    await writeAudit(tx, { actorId: actor.id, entityType: "PermitCase", entityId: c.id, action: "open", after: view });
    return view;
  });
}
