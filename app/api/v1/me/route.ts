import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute(async ({ actor }) => ({
  id: actor.id,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  department: actor.departmentName,
}));
