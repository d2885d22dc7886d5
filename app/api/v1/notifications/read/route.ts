import { apiRoute, readJson } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/notifications/mark-read";

export const POST = apiRoute(async ({ actor, req }) => markNotificationsRead({ actor, input: await readJson(req) }));
