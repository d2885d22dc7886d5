"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createUser } from "@/lib/users/create-user";
import { resetPassword, updateUser } from "@/lib/users/update-user";

export async function createUserAction(input: unknown) {
  return runAction("user.manage", async (actor) => {
    const user = await createUser({ actor, input });
    revalidatePath("/admin/users");
    return user;
  });
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction("user.manage", async (actor) => {
    const user = await updateUser({ actor, id: String(id), input });
    revalidatePath("/admin/users");
    return user;
  });
}

export async function resetPasswordAction(id: string, input: unknown) {
  return runAction("user.manage", async (actor) => {
    const user = await resetPassword({ actor, id: String(id), input });
    revalidatePath("/admin/users");
    return user;
  });
}
