"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { generateBulletin } from "@/lib/bulletins/queries";

export async function generateBulletinAction(input: unknown) {
  return runAction("bulletin.generate", async (actor) => {
    const b = await generateBulletin({ actor, input });
    revalidatePath("/supervision/bulletins");
    return { id: b!.id, weekStart: b!.weekStart, weekEnd: b!.weekEnd, revision: b!.revision };
  });
}
