import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

/**
 * The enterprise a project belongs to: the one with this credit code, else the one with
 * exactly this name, else a new one. A credit code learnt later is stored on it.
 */
export async function resolveEnterprise(tx: Tx, input: { name: string; creditCode?: string | null }) {
  if (input.creditCode) {
    const byCode = await tx.enterprise.findUnique({ where: { creditCode: input.creditCode } });
    if (byCode) return byCode;
  }
  const byName = await tx.enterprise.findFirst({ where: { name: input.name }, orderBy: { createdAt: "asc" } });
  if (byName) {
    if (input.creditCode && !byName.creditCode) {
      return tx.enterprise.update({ where: { id: byName.id }, data: { creditCode: input.creditCode, version: { increment: 1 } } });
    }
    return byName;
  }
  return tx.enterprise.create({ data: { name: input.name, creditCode: input.creditCode ?? null } });
}

/**
 * Gives a project's enterprise this name and credit code, creating the enterprise when
 * the project has none yet. A credit code that belongs to another enterprise is refused.
 */
export async function saveProjectEnterprise(tx: Tx, project: { enterpriseId: string | null }, data: { name: string; creditCode: string | null }) {
  if (data.creditCode) {
    const holder = await tx.enterprise.findUnique({ where: { creditCode: data.creditCode }, select: { id: true } });
    if (holder && holder.id !== project.enterpriseId) throw new AppError("DUPLICATE", { fields: { creditCode: "validation.creditCodeTaken" } });
  }
  return project.enterpriseId
    ? tx.enterprise.update({ where: { id: project.enterpriseId }, data: { name: data.name, creditCode: data.creditCode, version: { increment: 1 } } })
    : tx.enterprise.create({ data: { name: data.name, creditCode: data.creditCode } });
}
