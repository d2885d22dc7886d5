"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createWebhook } from "@/lib/notifications/create-webhook";
import { deleteWebhook } from "@/lib/notifications/delete-webhook";
import { testWebhook } from "@/lib/notifications/test-webhook";
import { updateWebhook } from "@/lib/notifications/update-webhook";

export async function createWebhookAction(input: unknown) {
  return runAction("webhook.manage", async (actor) => {
    const webhook = await createWebhook({ actor, input });
    revalidatePath("/admin/webhooks");
    return webhook;
  });
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runAction("webhook.manage", async (actor) => {
    const webhook = await updateWebhook({ actor, id: String(id), input });
    revalidatePath("/admin/webhooks");
    return webhook;
  });
}

export async function deleteWebhookAction(id: string, version: number) {
  return runAction("webhook.manage", async (actor) => {
    const done = await deleteWebhook({ actor, id: String(id), input: { version } });
    revalidatePath("/admin/webhooks");
    return done;
  });
}

export async function testWebhookAction(id: string) {
  return runAction("webhook.manage", async (actor) => {
    const queued = await testWebhook({ actor, id: String(id) });
    revalidatePath(`/admin/webhooks/${id}`);
    return queued;
  });
}
