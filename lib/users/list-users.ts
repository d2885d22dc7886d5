import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { lockedUsernames } from "../auth/authenticate";
import { countOpenSessions } from "../auth/sessions";
import { parseInput } from "../validation";
import { listUsersSchema } from "./schemas";
import { toUserView, userSelect } from "./user-view";

export async function listUsers({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "user.read");
  const { q, role, page, pageSize } = parseInput(listUsersSchema, query);
  const where = {
    ...(role ? { role } : {}),
    ...(q
      ? { OR: [{ username: { contains: q, mode: "insensitive" as const } }, { displayName: { contains: q } }] }
      : {}),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ role: "asc" }, { username: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  // What the admin acts on: open sessions to end, a login lock to lift.
  const [sessions, locked] = await Promise.all([
    countOpenSessions(rows.map((r) => r.id)),
    lockedUsernames(rows.map((r) => r.username)),
  ]);
  const items = rows.map((r) => ({
    ...toUserView(r),
    openSessions: sessions.get(r.id) ?? 0,
    loginLocked: locked.has(r.username),
  }));
  return { items, total, page, pageSize };
}

export async function listDepartments() {
  return getDb().department.findMany({
    select: { id: true, name: true, kind: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

/** Active users per role (the admin's home page). */
export async function userRoleSummary({ actor }: { actor: Actor }) {
  assertCan(actor, "user.read");
  const groups = await getDb().user.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } });
  return groups.map((g) => ({ role: g.role, count: g._count._all }));
}
