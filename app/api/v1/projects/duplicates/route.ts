import { apiRoute } from "@/lib/api/handler";
import { checkProjectDuplicates } from "@/lib/projects/create-project";

/** Enterprises and projects a new project (name, enterpriseName, creditCode) may duplicate. */
export const GET = apiRoute(async ({ actor, url }) =>
  checkProjectDuplicates({ actor, input: Object.fromEntries(url.searchParams) }),
);
