import { apiRoute, readJson } from "@/lib/api/handler";
import { createSigningWeek, listSigningWeeks } from "@/lib/signing-weeks/signing-weeks";

/** Every 签约周, the latest first, with the number of projects signed within its dates. */
export const GET = apiRoute(async ({ actor }) => listSigningWeeks({ actor }));

/** `{"name", "startDate", "endDate", "note"}` → 201 the event. */
export const POST = apiRoute(async ({ actor, req }) =>
  Response.json(await createSigningWeek({ actor, input: await readJson(req) }), { status: 201 }),
);
