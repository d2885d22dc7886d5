import { apiRoute } from "@/lib/api/handler";
import { incentiveReport } from "@/lib/incentives/report";

/** Scheduled vs granted per payment year × category (?year=&category= adds the projects behind the figure). */
export const GET = apiRoute(async ({ actor, url }) =>
  incentiveReport({ actor, query: Object.fromEntries(url.searchParams) }),
);
