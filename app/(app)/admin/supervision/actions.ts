"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { updateSupervisionSettings } from "@/lib/supervision/update-settings";

export async function saveSupervisionSettingsAction(input: unknown) {
  return runAction("supervision.settings", async (actor) => {
    const saved = await updateSupervisionSettings({ actor, input });
    revalidatePath("/admin/supervision");
    return saved;
  });
}
