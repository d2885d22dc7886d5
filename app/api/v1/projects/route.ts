import { apiRoute } from "@/lib/api/handler";
import { listProjects } from "@/lib/projects/queries";

export const GET = apiRoute(async ({ actor, url }) => listProjects({ actor, query: Object.fromEntries(url.searchParams) }));
