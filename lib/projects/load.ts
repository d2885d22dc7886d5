import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { lockRow } from "../locks";
import { projectDetailSelect, toProjectDetail } from "./project-view";

/**
 * The project a change starts from, locked for the rest of the transaction: the row
 * (for the rules) and its detail view (the audit's "before").
 */
export async function lockProject(tx: Tx, id: string) {
  if (!(await lockRow(tx, "projects", id))) throw new AppError("NOT_FOUND");
  const row = await tx.project.findUniqueOrThrow({ where: { id }, select: projectDetailSelect });
  return { row, before: toProjectDetail(row) };
}
export type LockedProject = Awaited<ReturnType<typeof lockProject>>;
