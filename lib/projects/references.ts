import "server-only";
import type { Tx } from "../db";
import { rolesWith } from "../auth/permissions";
import { AppError } from "../errors";

// Checks that the ids a project form sends point at real, usable rows; a bad one is a
// field error, not a database error.

export async function industryIdOf(tx: Tx, ref: string, field = "industryId"): Promise<string> {
  const row = await tx.industry.findFirst({
    where: { OR: [{ id: ref }, { code: ref }, { name: ref }] },
    select: { id: true },
  });
  if (!row) throw new AppError("VALIDATION", { fields: { [field]: "validation.industryMissing" } });
  return row.id;
}

export async function parkIdOf(tx: Tx, ref: string | null | undefined, field = "parkId"): Promise<string | null> {
  if (!ref) return null;
  const row = await tx.park.findFirst({
    where: { OR: [{ id: ref }, { code: ref }, { name: ref }] },
    select: { id: true },
  });
  if (!row) throw new AppError("VALIDATION", { fields: { [field]: "validation.parkMissing" } });
  return row.id;
}

export async function leaderIdOf(tx: Tx, ref: string | null | undefined, field = "leaderId"): Promise<string | null> {
  if (!ref) return null;
  const row = await tx.user.findFirst({
    where: { OR: [{ id: ref }, { username: ref }], role: { in: rolesWith("project.lead") }, active: true },
    select: { id: true },
  });
  if (!row) throw new AppError("VALIDATION", { fields: { [field]: "validation.leaderMissing" } });
  return row.id;
}

/** Chain links, without repeats; one that does not exist is a field error. */
export async function linkIdsOf(tx: Tx, ids: string[], field = "linkIds"): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length && (await tx.chainLink.count({ where: { id: { in: wanted } } })) !== wanted.length) {
    throw new AppError("VALIDATION", { fields: { [field]: "validation.linkMissing" } });
  }
  return wanted;
}

export async function ownerIdOf(tx: Tx, ref: string, field = "ownerId"): Promise<string> {
  const row = await tx.user.findFirst({
    where: { OR: [{ id: ref }, { username: ref }], role: { in: rolesWith("project.own") }, active: true },
    select: { id: true },
  });
  if (!row) throw new AppError("VALIDATION", { fields: { [field]: "validation.ownerMissing" } });
  return row.id;
}
