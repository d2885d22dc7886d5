import { apiRoute, readJson } from "@/lib/api/handler";
import { listProblems } from "@/lib/problems/problem-queries";
import { raiseProblem } from "@/lib/problems/raise-problem";

/** ?category=&department=&level=&state=&overdue=&proposed=&projectId=&park=&q=&sort=&page=&pageSize= → {items, total, page, pageSize} */
export const GET = apiRoute(async ({ actor, url }) =>
  listProblems({ actor, query: Object.fromEntries(url.searchParams) }),
);

/** `{"projectId", "title", "category", "department", "dueDate"|"dueDays", "description", "attachmentIds"}` → 201 the problem (OPEN, level 1). */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await raiseProblem({ actor, input: await readJson(req) }), { status: 201 }),
);
