import { apiRoute } from "@/lib/api/handler";
import { getImportJob } from "@/lib/imports/jobs";

export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale, url }) =>
  getImportJob({ actor, id: params.id, locale, query: Object.fromEntries(url.searchParams) }),
);
