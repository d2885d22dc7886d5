import "server-only";
import type { Tx } from "../db";

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
