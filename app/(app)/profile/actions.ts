"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";

export async function createTokenAction(input: unknown) {
  return runAction("apiToken.own", async (actor) => {
    const token = await createApiToken({ actor, input });
    revalidatePath("/profile");
    return token;
  });
}

export async function revokeTokenAction(id: string) {
  return runAction("apiToken.own", async (actor) => {
    const r = await revokeApiToken({ actor, id: String(id) });
    revalidatePath("/profile");
    return r;
  });
}
