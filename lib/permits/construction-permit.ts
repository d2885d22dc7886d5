import "server-only";
import type { Tx } from "../db";

/** The permit type whose approval lets a project start construction. */
export const CONSTRUCTION_PERMIT = "CONSTRUCTION_PERMIT";

/**
 * Whether the project's construction permit (建筑工程施工许可证) item of its 七证合一 case is
 * approved — the fact the CONSTRUCTION transition needs (a manager may still override
 * with a reason: 容缺开工).
 */
export async function constructionPermitIssued(tx: Tx, projectId: string): Promise<boolean> {
  const item = await tx.permitItem.findFirst({
    where: { case: { projectId }, permitType: { code: CONSTRUCTION_PERMIT }, state: "APPROVED" },
    select: { id: true },
  });
  return item !== null;
}
