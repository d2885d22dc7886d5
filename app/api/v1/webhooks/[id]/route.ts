import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteWebhook } from "@/lib/notifications/delete-webhook";
import { updateWebhook } from "@/lib/notifications/update-webhook";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  updateWebhook({ actor, id: params.id, input: await readJson(req) }),
);
// The version may come as ?version= (a DELETE usually has no body).
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params, url }) =>
  deleteWebhook({ actor, id: params.id, input: Object.fromEntries(url.searchParams) }),
);
