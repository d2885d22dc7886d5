import { apiRoute } from "@/lib/api/handler";
import { testWebhook } from "@/lib/notifications/test-webhook";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  Response.json(await testWebhook({ actor, id: params.id }), { status: 202 }),
);
