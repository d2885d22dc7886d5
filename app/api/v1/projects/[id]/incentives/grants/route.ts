import { apiRoute, readJson } from "@/lib/api/handler";
import { listProjectGrants, recordGrant } from "@/lib/incentives/grants";

/** The grants (兑现) recorded on the project. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listProjectGrants({ actor, projectId: params.id }),
}));

/** `{"measureId", "year", "amount", "grantedOn", "note"}` → 201 the grant; 422 when it does not qualify or exceeds the year's schedule. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  Response.json(await recordGrant({ actor, projectId: params.id, input: await readJson(req), locale }), {
    status: 201,
  }),
);
