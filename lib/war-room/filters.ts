import "server-only";
import { AppError } from "../errors";
import { resolveProjectRefs, type ProjectRefs } from "../projects/queries";
import type { WarRoomQuery } from "./schemas";

/**
 * The board's filters resolved to ids exactly as the grid resolves them
 * (lib/projects/queries.ts `resolveProjectRefs`): industry and park by id, code or name, chain
 * by id or code, leader by id or username. A filter naming nothing is a mistake on a wall
 * screen (an empty board that looks like a quiet district): 400 with the field.
 */
export async function resolveWarRoomFilters(q: WarRoomQuery): Promise<ProjectRefs> {
  const refs = await resolveProjectRefs(q);
  const fields: Record<string, string> = {};
  if (refs.park?.length === 0) fields.park = "validation.parkMissing";
  if (refs.industry?.length === 0) fields.industry = "validation.industryMissing";
  if (refs.chain?.length === 0) fields.chain = "validation.chainMissing";
  if (refs.leader?.length === 0) fields.leader = "validation.leaderMissing";
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { fields, labels: "project" });
  return refs;
}
