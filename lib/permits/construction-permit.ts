import "server-only";
import type { Tx } from "../db";

/**
 * Whether the project's construction permit (建筑工程施工许可证) is issued — the fact the
 * CONSTRUCTION transition needs. The permit case arrives with the 七证合一 issue; until
 * then no project has one, so only a manager's override (容缺开工) starts construction.
 */
export async function constructionPermitIssued(tx: Tx, projectId: string): Promise<boolean> {
  void tx;
  void projectId;
  return false;
}
