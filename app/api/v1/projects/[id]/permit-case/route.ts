import { apiRoute, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getProjectPermitCase, openPermitCase } from "@/lib/permits/cases";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const found = await getProjectPermitCase({ actor, projectId: params.id });
  if (!found) throw new AppError("NOT_FOUND");
  return found;
});

/** Opens the project's 七证合一 case with its application (一表申请) → 201 with the case. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) => {
  const c = await openPermitCase({ actor, projectId: params.id, input: await readJson(req, locale) });
  return Response.json(c, { status: 201 });
});
