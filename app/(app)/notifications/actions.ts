"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { markNotificationsRead } from "@/lib/notifications/mark-read";

/** Marks some of one's own notifications read (`{ids}`), or all (`{all: true}`); the bell's count follows. */
export async function markReadAction(input: unknown) {
  return runAction("notification.own", async (actor) => {
    const done = await markNotificationsRead({ actor, input });
    revalidatePath("/", "layout");
    return done;
  });
}
