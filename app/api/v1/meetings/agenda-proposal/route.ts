import { apiRoute } from "@/lib/api/handler";
import { proposeAgenda } from "@/lib/meetings/agenda-proposal";

/** ?kind=COORDINATION|MONTHLY → {items: [{kind, id, title, reasons}], groups: [{group, total, shown, more}]}. */
export const GET = apiRoute(async ({ actor, url, locale }) =>
  proposeAgenda({ actor, kind: url.searchParams.get("kind") ?? undefined, locale }),
);
