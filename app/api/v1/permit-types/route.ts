import { apiRoute, readJson } from "@/lib/api/handler";
import { createPermitType, listPermitTypes } from "@/lib/permits/types";

export const GET = apiRoute(async ({ actor }) => ({ items: await listPermitTypes({ actor }) }));
export const POST = apiRoute(async ({ actor, req, locale }) =>
  Response.json(await createPermitType({ actor, input: await readJson(req, locale) }), { status: 201 }),
);
