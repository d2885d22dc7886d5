import { apiRoute, readJson } from "@/lib/api/handler";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";

export const GET = apiRoute(async ({ actor }) => ({ items: await listApiTokens({ actor }) }));

export const POST = apiRoute(async ({ actor, req }) => {
  const token = await createApiToken({ actor, input: await readJson(req) });
  return Response.json(token, { status: 201 });
});
