import "server-only";
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { lockRow } from "../locks";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { withVisibleProjects } from "./visibility";

/**
 * The project a change starts from, locked for the rest of the transaction: the row
 * (for the rules) and its detail view (the audit's "before"). A project the actor may not
 * see does not exist for them (404 before any permission check).
 */
export async function lockProject(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  if (!(await lockRow(tx, "projects", id))) throw new AppError("NOT_FOUND");
  const row = await tx.project.findFirst({ where: withVisibleProjects(actor, { id }), select: projectDetailSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return { row, before: toProjectDetail(row) };
}
export type LockedProject = Awaited<ReturnType<typeof lockProject>>;
