import { apiRoute, readJson } from "@/lib/api/handler";
import { createPermitType, listPermitTypes } from "@/lib/permits/permit-types";

export const GET = apiRoute(async ({ actor }) => ({ items: await listPermitTypes({ actor }) }));
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createPermitType({ actor, input: await readJson(req) }), { status: 201 }),
);
