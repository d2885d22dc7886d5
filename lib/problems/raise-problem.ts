import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import type { ProblemView } from "./problem-access";
import { raiseProblemInTx } from "./raise-problem-tx";

export { raiseProblemInTx, type ProblemLinks } from "./raise-problem-tx";

/** Raising a problem in its own transaction (POST /api/v1/problems, the pages' 提出问题): raiseProblemInTx. */
export async function raiseProblem({ actor, input }: { actor: Actor; input: unknown }): Promise<ProblemView> {
  return getDb().$transaction((tx) => raiseProblemInTx(tx, { actor, input }));
}
