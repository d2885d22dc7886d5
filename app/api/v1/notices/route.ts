import { apiRoute, readJson } from "@/lib/api/handler";
import { issueNotice } from "@/lib/supervision/issue-notice";
import { listNotices } from "@/lib/supervision/notice-queries";

/** ?state=&overdue=&projectId=&mine=&todo=&q=&page=&pageSize= → {items, total, page, pageSize} */
export const GET = apiRoute(async ({ actor, url }) =>
  listNotices({ actor, query: Object.fromEntries(url.searchParams) }),
);

/** `{"projectId", "subject", "content", "replyDays", "resolveDays"}` → 201 the notice with its number and due dates. */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await issueNotice({ actor, input: await readJson(req) }), { status: 201 }),
);
