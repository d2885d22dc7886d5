"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createMeasure, updateMeasure } from "@/lib/incentives/measures";

export async function createMeasureAction(input: unknown) {
  return runAction("incentive.manage", async (actor) => {
    const m = await createMeasure({ actor, input });
    revalidatePath("/admin/incentive-measures");
    return { id: m.id, version: m.version };
  });
}

/** Any fields of the measure, or `active`, with `version`. */
export async function updateMeasureAction(id: string, input: unknown) {
  return runAction("incentive.manage", async (actor) => {
    const m = await updateMeasure({ actor, id: String(id), input });
    revalidatePath("/admin/incentive-measures");
    return { id: m.id, version: m.version };
  });
}
