"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { mergeEnterprises } from "@/lib/enterprises/merge";

export async function mergeEnterpriseAction(targetId: string, input: unknown) {
  return runAction("enterprise.merge", async (actor) => {
    const r = await mergeEnterprises({ actor, targetId: String(targetId), input });
    revalidatePath(`/enterprises/${targetId}`);
    revalidatePath("/enterprises");
    return { movedProjects: r.movedProjects };
  });
}
