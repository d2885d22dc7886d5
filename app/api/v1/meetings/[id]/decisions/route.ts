import { apiRoute, readJson } from "@/lib/api/handler";
import { addDecision } from "@/lib/meetings/add-decision";

/**
 * `{"agendaItemId", "type": "PROBLEM", "problem": {title, category, department, dueDate, description}}`
 * or `{"agendaItemId", "type": "NOTICE", "notice": {subject, content, replyDays, resolveDays}}`
 * → 201 `{type, problem|notice, meeting}`.
 */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  Response.json(await addDecision({ actor, meetingId: params.id, input: await readJson(req) }), { status: 201 }),
);
