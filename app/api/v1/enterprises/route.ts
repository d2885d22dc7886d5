import { apiRoute } from "@/lib/api/handler";
import { listEnterprises } from "@/lib/enterprises/queries";

/** ?q=&local=yes|no&page=&pageSize= → {items, total, page, pageSize} */
export const GET = apiRoute(async ({ actor, url }) =>
  listEnterprises({ actor, query: Object.fromEntries(url.searchParams) }),
);
