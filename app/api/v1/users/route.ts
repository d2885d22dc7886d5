import { apiRoute, readJson } from "@/lib/api/handler";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiRoute(async ({ actor, url }) =>
  listUsers({ actor, query: Object.fromEntries(url.searchParams) }),
);

export const POST = apiRoute(async ({ actor, req }) => {
  const user = await createUser({ actor, input: await readJson(req) });
  return Response.json(user, { status: 201 });
});
