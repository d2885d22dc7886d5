"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addProgressEntry } from "@/lib/supervision/add-progress";
import { savePlan } from "@/lib/supervision/save-plan";
import { signPlan } from "@/lib/supervision/sign-plan";

// The year's plan (责任书) and 日调度 from the project's 督办 tab: the same use-cases as the API.

export async function savePlanAction(projectId: string, year: number, input: unknown) {
  return runAction("supervision.read", async (actor) => {
    const plan = await savePlan({ actor, projectId: String(projectId), year, input });
    revalidatePath(`/projects/${projectId}`);
    return { id: plan.id, version: plan.version, state: plan.state };
  });
}

export async function signPlanAction(projectId: string, year: number, version: number) {
  return runAction("supervision.read", async (actor) => {
    const plan = await signPlan({ actor, projectId: String(projectId), year, input: { version } });
    revalidatePath(`/projects/${projectId}`);
    return { id: plan.id, version: plan.version };
  });
}

export async function addProgressAction(projectId: string, input: unknown) {
  return runAction("supervision.read", async (actor) => {
    const entry = await addProgressEntry({ actor, projectId: String(projectId), input });
    revalidatePath(`/projects/${projectId}`);
    revalidatePath("/supervision/dispatch");
    return { id: entry.id };
  });
}
