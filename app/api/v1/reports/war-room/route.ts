import { apiRoute } from "@/lib/api/handler";
import { warRoom } from "@/lib/war-room/board";

/** ?park=&industry=&chain=&leader= → the board's columns, the park plan and the red list (挂图作战). */
export const GET = apiRoute(async ({ actor, url, locale }) =>
  warRoom({ actor, query: Object.fromEntries(url.searchParams), locale }),
);
