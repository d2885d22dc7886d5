"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { escalateProblem } from "@/lib/problems/escalate-problem";
import type { ProblemView } from "@/lib/problems/problem-access";
import { raiseProblem } from "@/lib/problems/raise-problem";
import { transitionProblem } from "@/lib/problems/transition-problem";
import { updateProblem } from "@/lib/problems/update-problem";

const changed = (p: ProblemView) => {
  revalidatePath(`/supervision/problems/${p.id}`);
  revalidatePath("/supervision/problems");
  revalidatePath(`/projects/${p.projectId}`);
  return { id: p.id, state: p.state, level: p.level, version: p.version };
};

export async function raiseProblemAction(input: unknown) {
  return runAction("problem.read", async (actor) => changed(await raiseProblem({ actor, input })));
}

export async function transitionProblemAction(problemId: string, input: unknown) {
  return runAction("problem.read", async (actor) =>
    changed(await transitionProblem({ actor, problemId: String(problemId), input })),
  );
}

export async function escalateProblemAction(problemId: string, input: unknown) {
  return runAction("problem.escalate", async (actor) =>
    changed(await escalateProblem({ actor, problemId: String(problemId), input })),
  );
}

export async function updateProblemAction(problemId: string, input: unknown) {
  return runAction("problem.read", async (actor) =>
    changed(await updateProblem({ actor, problemId: String(problemId), input })),
  );
}
