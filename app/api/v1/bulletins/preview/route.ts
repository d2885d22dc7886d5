import { apiRoute } from "@/lib/api/handler";
import { previewBulletin } from "@/lib/bulletins/queries";

/** ?weekStart= (default: this week) → the draft sections as of now, not stored (managers). */
export const GET = apiRoute(async ({ actor, url }) =>
  previewBulletin({ actor, input: Object.fromEntries(url.searchParams) }),
);
