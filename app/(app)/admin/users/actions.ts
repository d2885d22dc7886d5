"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { unlockLogin } from "@/lib/auth/authenticate";
import { endUserSessions } from "@/lib/auth/sessions";
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

export async function endSessionsAction(id: string) {
  return runAction("user.manage", async (actor) => {
    const ended = await endUserSessions({ actor, id: String(id) });
    revalidatePath("/admin/users");
    return ended;
  });
}

export async function unlockLoginAction(id: string) {
  return runAction("user.manage", async (actor) => {
    const done = await unlockLogin({ actor, id: String(id) });
    revalidatePath("/admin/users");
    return done;
  });
}
