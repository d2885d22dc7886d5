"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addActivity } from "@/lib/projects/activities";
import { addCapitalIncrease } from "@/lib/projects/capital-increases";
import { createProject } from "@/lib/projects/create-project";
import { moveProjectStage } from "@/lib/projects/move-stage";
import { deleteView, saveView } from "@/lib/projects/saved-views";
import { updateProject } from "@/lib/projects/update-project";

export async function createProjectAction(input: unknown) {
  return runAction("project.create", async (actor) => {
    const project = await createProject({ actor, input });
    revalidatePath("/projects");
    return { id: project.id, code: project.code };
  });
}

export async function updateProjectAction(id: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const project = await updateProject({ actor, id: String(id), input });
    revalidatePath(`/projects/${project.id}`);
    return { id: project.id, version: project.version };
  });
}

export async function moveStageAction(id: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const project = await moveProjectStage({ actor, projectId: String(id), input });
    revalidatePath(`/projects/${project.id}`);
    return { id: project.id, stage: project.stage, version: project.version };
  });
}

export async function addActivityAction(projectId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const activity = await addActivity({ actor, projectId: String(projectId), input });
    revalidatePath(`/projects/${projectId}`);
    return activity;
  });
}

export async function saveViewAction(input: unknown) {
  return runAction("project.read", async (actor) => {
    const view = await saveView({ actor, input });
    revalidatePath("/projects");
    return view;
  });
}

export async function deleteViewAction(id: string) {
  return runAction("project.read", async (actor) => {
    const r = await deleteView({ actor, id: String(id) });
    revalidatePath("/projects");
    return r;
  });
}

export async function addCapitalIncreaseAction(projectId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const { increase, project } = await addCapitalIncrease({ actor, projectId: String(projectId), input });
    revalidatePath(`/projects/${projectId}`);
    return { id: increase.id, version: project.version };
  });
}
