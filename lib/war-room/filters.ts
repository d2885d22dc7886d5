import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { WarRoomQuery } from "./schemas";

/**
 * A filter naming nothing is a mistake on a wall screen (an empty board that looks like a
 * quiet district): 400 with the field. Each is matched exactly as the grid matches it
 * (lib/projects/queries.ts `projectWhere`): industry and park by id, code or name, chain by id
 * or code, leader by id or username.
 */
export async function assertFiltersExist(q: WarRoomQuery) {
  const db = getDb();
  const [park, industry, chain, leader] = await Promise.all([
    q.park ? db.park.count({ where: { OR: [{ id: q.park }, { code: q.park }, { name: q.park }] } }) : 1,
    q.industry
      ? db.industry.count({ where: { OR: [{ id: q.industry }, { code: q.industry }, { name: q.industry }] } })
      : 1,
    q.chain ? db.chain.count({ where: { OR: [{ id: q.chain }, { code: q.chain }] } }) : 1,
    q.leader ? db.user.count({ where: { OR: [{ id: q.leader }, { username: q.leader }] } }) : 1,
  ]);
  const fields: Record<string, string> = {};
  if (!park) fields.park = "validation.parkMissing";
  if (!industry) fields.industry = "validation.industryMissing";
  if (!chain) fields.chain = "validation.chainMissing";
  if (!leader) fields.leader = "validation.leaderMissing";
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { fields, labels: "project" });
}
