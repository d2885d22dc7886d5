import { apiRoute, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getProjectPermitCase } from "@/lib/permits/queries";
import { openPermitCase } from "@/lib/permits/open-permit-case";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const found = await getProjectPermitCase({ actor, projectId: params.id });
  if (!found) throw new AppError("NOT_FOUND");
  return found;
});

/** Opens the project's 七证合一 case with its application (一表申请) → 201 with the case. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req }) => {
  const c = await openPermitCase({ actor, projectId: params.id, input: await readJson(req) });
  return Response.json(c, { status: 201 });
});
