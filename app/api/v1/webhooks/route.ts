import { apiRoute, readJson } from "@/lib/api/handler";
import { createWebhook } from "@/lib/notifications/create-webhook";
import { listWebhooks } from "@/lib/notifications/list-webhooks";

export const GET = apiRoute(async ({ actor }) => ({ items: await listWebhooks({ actor }) }));
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createWebhook({ actor, input: await readJson(req) }), { status: 201 }),
);
