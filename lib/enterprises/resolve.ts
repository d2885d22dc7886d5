import "server-only";
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { enterpriseEditable } from "./can-edit";
import { nameColumns } from "./name-key";

/** The refusal to change an enterprise that other people's projects rely on, on the field that would change it. */
const notYours = (field: "enterpriseName" | "creditCode") =>
  new AppError("FORBIDDEN", {
    fields: { [field]: "validation.enterpriseNotYours" },
    params: { action: "enterprise.edit" },
  });

/**
 * The enterprise a project belongs to: the one the user linked (`enterpriseId`), else
 * the one with this credit code, else the one with exactly this name, else a new one.
 * A credit code learnt later is stored on it when the actor may change the enterprise;
 * one that contradicts it is refused.
 */
export async function resolveEnterprise(
  tx: Tx,
  actor: Actor,
  input: { name: string; creditCode?: string | null; enterpriseId?: string | null },
) {
  if (input.enterpriseId) {
    const linked = await tx.enterprise.findUnique({ where: { id: input.enterpriseId } });
    if (!linked) throw new AppError("VALIDATION", { fields: { enterpriseId: "validation.enterpriseMissing" } });
    return learnCreditCode(tx, actor, linked, input.creditCode);
  }
  if (input.creditCode) {
    const byCode = await tx.enterprise.findUnique({ where: { creditCode: input.creditCode } });
    if (byCode) return byCode;
  }
  const byName = await tx.enterprise.findFirst({ where: { name: input.name }, orderBy: { createdAt: "asc" } });
  if (byName) return learnCreditCode(tx, actor, byName, input.creditCode);
  return tx.enterprise.create({ data: { ...nameColumns(input.name), creditCode: input.creditCode ?? null } });
}

async function learnCreditCode<E extends { id: string; creditCode: string | null }>(
  tx: Tx,
  actor: Actor,
  enterprise: E,
  creditCode: string | null | undefined,
) {
  if (!creditCode || enterprise.creditCode === creditCode) return enterprise;
  if (enterprise.creditCode)
    throw new AppError("VALIDATION", { fields: { creditCode: "validation.creditCodeMismatch" } });
  const holder = await tx.enterprise.findUnique({ where: { creditCode }, select: { id: true } });
  if (holder) throw new AppError("DUPLICATE", { fields: { creditCode: "validation.creditCodeTaken" } });
  if (!(await enterpriseEditable(tx, actor, enterprise.id))) throw notYours("creditCode");
  return tx.enterprise.update({ where: { id: enterprise.id }, data: { creditCode, version: { increment: 1 } } });
}

/**
 * Gives a project's enterprise this name and credit code, creating the enterprise when
 * the project has none yet. A credit code that belongs to another enterprise is refused,
 * and so is a change to an enterprise the actor may not change (`canEditEnterprise`: it is
 * also linked to projects of other people).
 */
export async function saveProjectEnterprise(
  tx: Tx,
  actor: Actor,
  project: { enterpriseId: string | null },
  data: { name: string; creditCode: string | null },
) {
  if (data.creditCode) {
    const holder = await tx.enterprise.findUnique({ where: { creditCode: data.creditCode }, select: { id: true } });
    if (holder && holder.id !== project.enterpriseId)
      throw new AppError("DUPLICATE", { fields: { creditCode: "validation.creditCodeTaken" } });
  }
  if (!project.enterpriseId)
    return tx.enterprise.create({ data: { ...nameColumns(data.name), creditCode: data.creditCode } });
  const current = await tx.enterprise.findUniqueOrThrow({ where: { id: project.enterpriseId } });
  const renamed = current.name !== data.name;
  if ((renamed || current.creditCode !== data.creditCode) && !(await enterpriseEditable(tx, actor, current.id)))
    throw notYours(renamed ? "enterpriseName" : "creditCode");
  return tx.enterprise.update({
    where: { id: project.enterpriseId },
    data: { ...nameColumns(data.name), creditCode: data.creditCode, version: { increment: 1 } },
  });
}
