import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { isoDate, storedDate } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { checkProblemAction } from "./problem-machine";
import { beginProblemChange, departmentUsers, endProblemChange, enforceProblem } from "./problem-change";
import { departmentByCode } from "./raise-problem-tx";
import { updateProblemSchema } from "./schemas";

/**
 * PATCH /api/v1/problems/{id}: title, category, department (its code), due date (today or
 * later) and description of an open problem, by a manager or the project's owner or leader,
 * with the version edited. A new department is told of the problem as if it were raised.
 */
export async function updateProblem({ actor, problemId, input }: { actor: Actor; problemId: string; input: unknown }) {
  const data = parseInput(updateProblemSchema, input);
  return getDb().$transaction(async (tx) => {
    const { p, today, facts, before } = await beginProblemChange(tx, actor, problemId);
    const next = enforceProblem(checkProblemAction("EDIT", facts), "project.problem", {
      current: p.version,
      sent: data.version,
    });
    const department = data.department ? await departmentByCode(tx, data.department) : null;
    const moved = !!department && department.id !== p.departmentId;
    const sentDue = data.dueDate ? isoDate(data.dueDate)! : null;
    const due = sentDue && sentDue !== isoDate(p.dueDate) ? sentDue : null;
    if (due && due < today)
      throw new AppError("VALIDATION", { labels: "problem", fields: { dueDate: "validation.problemDuePast" } });
    await tx.problem.update({
      where: { id: p.id },
      data: {
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.category !== undefined ? { category: data.category } : {}),
        ...(department ? { departmentId: department.id } : {}),
        ...(due ? { dueDate: storedDate(due) } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        version: { increment: 1 },
      },
    });
    return endProblemChange(tx, {
      actor,
      p,
      next,
      today,
      event: "EDITED",
      audit: "update",
      before,
      to: moved ? await departmentUsers(tx, department.id) : [],
      kind: moved ? "problemAssigned" : null,
      params: moved ? { department: department.name, due: due ?? isoDate(p.dueDate)! } : {},
    });
  });
}
