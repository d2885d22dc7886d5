import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { parseInput } from "../validation";
import { saveTargetsTx } from "./save-targets-tx";
import { saveTargetsSchema } from "./schemas";
import { getTargets } from "./get-targets";

/** PUT /api/v1/targets: a manager saves the year's targets (SPEC §8, §10) → the year as GET answers it. */
export async function saveTargets({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "target.edit");
  const data = parseInput(saveTargetsSchema, input);
  await getDb().$transaction((tx) => saveTargetsTx(tx, { actorId: actor.id, data }));
  return getTargets({ actor, query: { year: data.year } });
}
