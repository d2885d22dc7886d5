import { apiRoute } from "@/lib/api/handler";
import { inspectionReport } from "@/lib/supervision/inspection-report";

/** 督查项目专报 `?year=` (this year when not given): the plan against the actual by quarter, colours, progress, problems, notices. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, locale, url }) =>
  inspectionReport({ actor, projectId: params.id, year: url.searchParams.get("year") ?? undefined, locale }),
);
