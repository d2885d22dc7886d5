import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/notifications/list-deliveries";

export const GET = apiRoute<{ id: string }>(async ({ actor, params, url }) =>
  listDeliveries({ actor, id: params.id, query: Object.fromEntries(url.searchParams) }),
);
