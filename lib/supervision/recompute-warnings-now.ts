import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { recomputeAllWarnings } from "./recompute-all";

/** 立即重算 (POST /api/v1/warnings/recompute): every project's colour now, as the daily job does → counts. */
export async function recomputeWarningsNow({ actor }: { actor: Actor }) {
  assertCan(actor, "warning.recompute");
  return recomputeAllWarnings({ actorId: actor.id });
}
