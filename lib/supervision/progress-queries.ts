import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { assertProjectVisible } from "../projects/visibility";
import { parseInput } from "../validation";
import { progressSelect, toProgressView } from "./progress-view";
import { progressListSchema } from "./schemas";

/** A project's progress entries (日调度), newest first; one year's when asked. 404 unless the reader sees its work. */
export async function listProgress({
  actor,
  projectId,
  query = {},
}: {
  actor: Actor;
  projectId: string;
  query?: unknown;
}) {
  const q = parseInput(progressListSchema, query);
  await assertProjectVisible(getDb(), { actor, projectId, part: "work" });
  assertCan(actor, "supervision.read");
  const where = {
    projectId,
    ...(q.year ? { date: { gte: new Date(Date.UTC(q.year, 0, 1)), lt: new Date(Date.UTC(q.year + 1, 0, 1)) } } : {}),
  };
  const rows = await getDb().progressEntry.findMany({
    where,
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: progressSelect,
  });
  const ids = [...new Set(rows.map((r) => r.createdById))];
  const users = ids.length
    ? await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => toProgressView(r, names));
}
