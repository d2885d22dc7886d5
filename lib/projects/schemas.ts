import { z } from "zod";
import { stages, warningColors } from "./stages";

export const projectSortFields = ["code", "name", "totalInvestment", "stage", "updatedAt", "createdAt"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Query of the project list (page and GET /api/v1/projects). */
export const listProjectsSchema = z.object({
  stage: z.preprocess(blankToUndefined, z.enum(stages).optional()),
  industry: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  park: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  owner: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  leader: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  warning: z.preprocess(blankToUndefined, z.enum(warningColors).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(projectSortFields).default("updatedAt")),
  order: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
});
export type ListProjectsQuery = z.output<typeof listProjectsSchema>;
