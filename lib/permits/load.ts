import "server-only";
import type { Tx } from "../db";
import { can, canOnProject, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { visibleCases } from "../projects/visibility";
import { loadCalendar } from "../calendar/load-calendar";
import type { CaseFacts, ItemFacts, PermitRule, Verdict } from "./permit-machine";
import { caseSelect, toCaseView } from "./view";

/** A case the actor may see: its row (for permission checks on its project) and its view; else 404. */
export async function loadCase(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const row = await tx.permitCase.findFirst({ where: { id, AND: [visibleCases(actor)] }, select: caseSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return { row, view: toCaseView(await loadCalendar(tx), row, shanghaiToday()) };
}

/** Throws NOT_FOUND unless the case exists and the actor may see it (its documents, its timeline). */
export async function assertCaseVisible(tx: Tx, { actor, caseId }: { actor: Actor; caseId: string }) {
  if (!(await tx.permitCase.findFirst({ where: { id: caseId, AND: [visibleCases(actor)] }, select: { id: true } })))
    throw new AppError("NOT_FOUND");
}

/** The view of a case the caller has just read or written (after a change, for its answer and audit). */
export async function caseView(tx: Tx, id: string) {
  const row = await tx.permitCase.findUniqueOrThrow({ where: { id }, select: caseSelect });
  return toCaseView(await loadCalendar(tx), row, shanghaiToday());
}

/**
 * Locks a case (and so its items' decisions) for the rest of the transaction. A case the
 * actor may not see does not exist for them (404 before any permission check).
 */
export async function lockCase(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  if (!(await lockRow(tx, "permit_cases", id))) throw new AppError("NOT_FOUND");
  const c = await tx.permitCase.findFirst({
    where: { id, AND: [visibleCases(actor)] },
    include: { project: { select: { id: true, ownerId: true, leaderId: true, stage: true } } },
  });
  if (!c) throw new AppError("NOT_FOUND");
  const returned = await tx.permitItem.count({ where: { caseId: id, state: "RETURNED" } });
  return { ...c, hasReturnedItems: returned > 0 };
}

/**
 * An item and its case, both locked: the case row first, so every decision on a case
 * queues there and the last two approvals arriving together see each other (the case is
 * issued exactly once).
 */
export async function lockItem(tx: Tx, { actor, itemId }: { actor: Actor; itemId: string }) {
  const found = await tx.permitItem.findUnique({ where: { id: itemId }, select: { caseId: true } });
  if (!found) throw new AppError("NOT_FOUND");
  const c = await lockCase(tx, { actor, id: found.caseId });
  await lockRow(tx, "permit_items", itemId);
  const item = await tx.permitItem.findUniqueOrThrow({
    where: { id: itemId },
    include: { permitType: { select: { code: true, name: true } } },
  });
  return { c, item };
}

/** The actor's side of a case, from the permission table: applicant (project.permit). */
export function caseFacts(
  actor: Actor,
  c: { state: CaseFacts["state"]; hasReturnedItems: boolean; project: { ownerId: string; leaderId: string | null } },
): CaseFacts {
  return { state: c.state, hasReturnedItems: c.hasReturnedItems, applicant: canOnProject(actor, c.project, "permit") };
}

/** The actor's side of an item: applicant, or approver of the item's department (permit.decide). */
export function itemFacts(
  actor: Actor,
  c: { state: ItemFacts["caseState"]; project: { ownerId: string; leaderId: string | null } },
  item: { state: ItemFacts["itemState"]; departmentId: string },
): ItemFacts {
  return {
    caseState: c.state,
    itemState: item.state,
    applicant: canOnProject(actor, c.project, "permit"),
    approverOfItem:
      can(actor.role, "permit.decide") && !!actor.departmentId && actor.departmentId === item.departmentId,
  };
}

/**
 * Throws what the permit machine refused, in the order every permit use-case answers:
 * FORBIDDEN with the permission it lacked (for the security log), then a stale `version`
 * (409) when one is given, then the rule's code (422). Else the next state.
 */
export function enforce<S>(
  verdict: Verdict<S>,
  permission: string,
  version?: { current: number; sent: number | undefined },
): S {
  if (!verdict.ok && verdict.rule === "FORBIDDEN") throw new AppError("FORBIDDEN", { params: { action: permission } });
  if (version) assertVersion(version.current, version.sent);
  if (verdict.ok) return verdict.next;
  throw new AppError(verdict.rule satisfies PermitRule);
}
