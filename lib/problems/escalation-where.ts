import type { Prisma } from "../db";
import { openProblemStates, topProblemLevel } from "./problem-machine";

/** Open problems below the top level not yet proposed at their level (problems (state, level, dueDate)). */
export const escalationCandidatesWhere = (): Prisma.ProblemWhereInput => ({
  state: { in: [...openProblemStates] },
  level: { lt: topProblemLevel },
  escalationProposedAt: null,
});
