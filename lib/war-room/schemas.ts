import { labelled } from "../schemas";
import { listProjectsSchema } from "../projects/schemas";

/**
 * The war room's filters (挂图作战): the grid's own fields, parsed by the grid's own rules, so
 * that a board and the grid under the same URL parameters read the same projects.
 */
export const warRoomQuerySchema = labelled(
  "project",
  listProjectsSchema.pick({ park: true, industry: true, chain: true, leader: true }),
);
export type WarRoomQuery = ReturnType<typeof warRoomQuerySchema.parse>;

/** The filters the board keeps in its URL and carries over to the grid. */
export const warRoomFilterKeys = ["park", "industry", "chain", "leader"] as const;

/** Cards shown per stage column; the rest are counted ("还有 N 个") and found in the grid. */
export const CARDS_PER_COLUMN = 12;
/** Markers drawn per park on the plan (the park's count and total cover all of them). */
export const MARKERS_PER_PARK = 40;
/** Rows of the red list (its count covers all of them). */
export const RED_LIST_SIZE = 30;
