import { apiRoute } from "@/lib/api/handler";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const GET = apiRoute(async ({ actor, url, locale }) =>
  listNotifications({ actor, locale, query: Object.fromEntries(url.searchParams) }),
);
