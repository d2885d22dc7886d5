import "server-only";
import { getDb, type Tx } from "../db";
import { can, canOnProject, type Actor } from "../auth/permissions";

/** A project an enterprise is linked to, as far as the right to change the enterprise goes. */
export type EnterpriseProjectRef = { ownerId: string; leaderId: string | null };

/**
 * May the actor change this enterprise (name, credit code, contact, chain links…)? Yes for
 * the roles that may change any enterprise; otherwise only when every project it is linked
 * to is one the actor may update (STAFF: owner, LEADER: leader), or it has none. The same
 * rule for the forms, the API and the imports, so no path renames someone else's enterprise.
 */
export function canEditEnterprise(actor: Actor, projects: readonly EnterpriseProjectRef[]): boolean {
  if (!can(actor.role, "enterprise.edit")) return false;
  if (can(actor.role, "enterprise.editAny")) return true;
  return projects.every((p) => canOnProject(actor, p, "update"));
}

/** `canEditEnterprise` for a stored enterprise (its projects read in the caller's transaction). */
export async function enterpriseEditable(db: Tx, actor: Actor, enterpriseId: string): Promise<boolean> {
  if (!can(actor.role, "enterprise.edit")) return false;
  if (can(actor.role, "enterprise.editAny")) return true;
  const projects = await db.project.findMany({ where: { enterpriseId }, select: { ownerId: true, leaderId: true } });
  return canEditEnterprise(actor, projects);
}

/** For pages: whether to offer the enterprise's edit forms. */
export function mayEditEnterprise({ actor, enterpriseId }: { actor: Actor; enterpriseId: string }) {
  return enterpriseEditable(getDb(), actor, enterpriseId);
}
