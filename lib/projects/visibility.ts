// No "server-only" marker: pure conditions and a read on the transaction given, so the demo
// seed (a plain Node script) runs the writers that use it.
import { projectScope, type Actor, type ProjectAction } from "../auth/permissions";
import type { Prisma, Tx } from "../db";
import { AppError } from "../errors";

// Which projects an actor may see, from the read scope of the permission table
// (lib/auth/permissions.ts). Every project read composes this into its `where` — lists,
// counts, exports, search, summaries, the detail and its related lists, the permit cases —
// so a project outside it is never read, and answers 404 where it is asked for by id.

/** A project scope with its subject: everything, nothing, or the projects of one person or department. */
type Reach =
  | { kind: "all" }
  | { kind: "none" }
  | { kind: "owner"; userId: string }
  | { kind: "leader"; userId: string }
  | { kind: "department"; departmentId: string };

function reachOf(actor: Actor, action: Extract<ProjectAction, "read" | "readWork">): Reach {
  const scope = projectScope(actor.role, action);
  switch (scope) {
    case "all":
      return { kind: "all" };
    case "own":
      return { kind: "owner", userId: actor.id };
    case "led":
      return { kind: "leader", userId: actor.id };
    case "permit":
      return actor.departmentId ? { kind: "department", departmentId: actor.departmentId } : { kind: "none" };
    case null:
      return { kind: "none" };
  }
}

function projectWhereOf(reach: Reach): Prisma.ProjectWhereInput {
  switch (reach.kind) {
    case "all":
      return {};
    case "none":
      return { id: { in: [] } };
    case "owner":
      return { ownerId: reach.userId };
    case "leader":
      return { leaderId: reach.userId };
    case "department":
      // EXISTS over permit_items (departmentId, projectId), the project each item keeps of its
      // case: an index-only semi-join (joining every project to its case made an approver's
      // unfiltered total about twice as slow).
      return { permitItems: { some: { departmentId: reach.departmentId } } };
  }
}

/** The parts given, without the empty ones (a role that sees everything keeps its query as it was). */
function allOf(...parts: Prisma.ProjectWhereInput[]): Prisma.ProjectWhereInput {
  const kept = parts.filter((p) => Object.keys(p).length > 0);
  return kept.length === 0 ? {} : kept.length === 1 ? kept[0] : { AND: kept };
}

/**
 * The projects the actor may see. `part: "work"` narrows it to the projects whose work
 * (contacts, timeline, capital increases, attachments, stage and change history) the actor
 * may read as well (`readWork`).
 */
export function visibleProjects(actor: Actor, part: "basics" | "work" = "basics"): Prisma.ProjectWhereInput {
  const read = projectWhereOf(reachOf(actor, "read"));
  return part === "work" ? allOf(read, projectWhereOf(reachOf(actor, "readWork"))) : read;
}

/** A project filter narrowed to the projects the actor may see (unchanged for those who see all). */
export function withVisibleProjects(
  actor: Actor,
  where: Prisma.ProjectWhereInput,
  part: "basics" | "work" = "basics",
): Prisma.ProjectWhereInput {
  return allOf(visibleProjects(actor, part), where);
}

/** Throws NOT_FOUND unless the project exists and the actor may see it (or, with `part: "work"`, its work). */
export async function assertProjectVisible(
  db: Tx,
  { actor, projectId, part = "basics" }: { actor: Actor; projectId: string; part?: "basics" | "work" },
) {
  const found = await db.project.findFirst({
    where: withVisibleProjects(actor, { id: projectId }, part),
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
}

/**
 * The permit cases of the projects the actor may see (the case list, its pages, documents
 * and timeline, the reports). An approver's scope is put on the case's own items: one case
 * per project, so "a case with an item of my department" is the same set of projects.
 */
export function visibleCases(actor: Actor): Prisma.PermitCaseWhereInput {
  const reach = reachOf(actor, "read");
  if (reach.kind === "all") return {};
  if (reach.kind === "department") return { items: { some: { departmentId: reach.departmentId } } };
  return { project: { is: projectWhereOf(reach) } };
}

/**
 * The same as `visibleCases`, for raw SQL over permit cases: a condition on the case alias
 * given, with its parameter (if any) numbered `$first`.
 */
export function visibleCasesSql(actor: Actor, alias: string, first: number): { sql: string; params: string[] } {
  const reach = reachOf(actor, "read");
  switch (reach.kind) {
    case "all":
      return { sql: "true", params: [] };
    case "none":
      return { sql: "false", params: [] };
    case "owner":
      return {
        sql: `exists (select 1 from projects vp where vp.id = ${alias}."projectId" and vp."ownerId" = $${first})`,
        params: [reach.userId],
      };
    case "leader":
      return {
        sql: `exists (select 1 from projects vp where vp.id = ${alias}."projectId" and vp."leaderId" = $${first})`,
        params: [reach.userId],
      };
    case "department":
      return {
        sql: `exists (select 1 from permit_items vi where vi."caseId" = ${alias}.id and vi."departmentId" = $${first})`,
        params: [reach.departmentId],
      };
  }
}
