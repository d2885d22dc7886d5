import "server-only";
import { getDb } from "../db";
import { can, rolesWith, type Actor } from "../auth/permissions";

/**
 * What the meeting forms choose from: the people (active accounts; chairs are those who read
 * meetings and may sign minutes: leaders and managers first), and the departments problems are
 * assigned to (by code).
 */
export async function meetingFormOptions({ actor }: { actor: Actor }) {
  if (!can(actor.role, "meeting.manage")) return { people: [], chairs: [], departments: [] };
  const db = getDb();
  const [users, departments] = await Promise.all([
    db.user.findMany({
      where: { active: true },
      select: { id: true, displayName: true, role: true, department: { select: { name: true } } },
      orderBy: [{ role: "asc" }, { displayName: "asc" }],
      take: 1000,
    }),
    db.department.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const chairRoles = new Set<string>(rolesWith("meeting.manage").concat(rolesWith("dispatch.overview")));
  const people = users.map((u) => ({
    id: u.id,
    name: u.department ? `${u.displayName}（${u.department.name}）` : u.displayName,
    role: u.role,
  }));
  return {
    people,
    chairs: people.filter((p) => chairRoles.has(p.role) && can(p.role, "meeting.read")),
    departments,
  };
}
export type MeetingFormOptions = Awaited<ReturnType<typeof meetingFormOptions>>;
