import { apiRoute, readJson } from "@/lib/api/handler";
import { generateBulletin, listBulletins } from "@/lib/bulletins/queries";

/** ?page=&pageSize= → {items: [{id, weekStart, weekEnd, revision, generatedAt, generatedBy}], total, page, pageSize} */
export const GET = apiRoute(async ({ actor, url }) =>
  listBulletins({ actor, query: Object.fromEntries(url.searchParams) }),
);

/** `{"weekStart": "YYYY-MM-DD"}` (a Monday; the week ended) → 201 the frozen snapshot (a new revision). */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await generateBulletin({ actor, input: await readJson(req) }), { status: 201 }),
);
