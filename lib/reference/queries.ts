import "server-only";
import { can, rolesWith } from "../auth/permissions";
import { getDb } from "../db";

export type Option = { id: string; code?: string; label: string };

/** Choices for project forms and filters (small tables: read in one round trip each). */
export async function projectReferenceData() {
  const db = getDb();
  const [industries, parks, people, chains] = await Promise.all([
    db.industry.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true },
    }),
    db.park.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true },
    }),
    db.user.findMany({
      where: { active: true, role: { in: rolesWith("project.own") } },
      orderBy: { username: "asc" },
      select: { id: true, username: true, displayName: true, role: true },
    }),
    db.chain.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        links: { orderBy: [{ position: "asc" }, { sortOrder: "asc" }], select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    industries: industries.map((i) => ({ id: i.id, code: i.code, label: i.name })),
    parks: parks.map((p) => ({ id: p.id, code: p.code, label: p.name })),
    owners: people.map((u) => ({ id: u.id, code: u.username, label: u.displayName })),
    leaders: people
      .filter((u) => can(u.role, "project.lead"))
      .map((u) => ({ id: u.id, code: u.username, label: u.displayName })),
    chains: chains.map((c) => ({ id: c.id, label: c.name, links: c.links.map((l) => ({ id: l.id, label: l.name })) })),
  };
}
export type ProjectReferenceData = Awaited<ReturnType<typeof projectReferenceData>>;

/** Departments that review permits (the permit filters and the permit-type form). */
export async function permitDepartments() {
  return getDb().department.findMany({
    where: { kind: "PERMIT" },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true },
  });
}
