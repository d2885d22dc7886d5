// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import { notifyMany, type NotifyInput } from "../notifications/notify";
import type { SupervisionSettings } from "./settings-schema";
import { turnedRedNotice } from "./warning-red";
import { writeWarningChanges, type WarningChangeEntry } from "./warning-changes";
import type { WarningRow } from "./warning-inputs";
import {
  computeWarning,
  readReasons,
  sameReasonCodes,
  sameReasons,
  type Color,
  type WarningReason,
} from "./warning-rules";

export type WarningOutcome = {
  id: string;
  warning: Color;
  computed: Color;
  reasons: WarningReason[];
  /** The project row was written. */
  changed: boolean;
  overrideEnded: boolean;
};

/**
 * Computes the colour of locked projects (rows from warning-inputs.ts) and writes what
 * changed: the project's colour, computed colour and reasons only where one of them differs
 * (a second run writes nothing), a history row where the effective colour, the computed one
 * or the rules behind it change (not their daily numbers: the points behind move every day),
 * the end of an override whose last day has passed, and the 红色预警 notice to the leader and
 * owner of a project that turns RED (once per project and day).
 */
export async function applyWarnings(
  tx: Tx,
  rows: readonly WarningRow[],
  { today, settings, actorId }: { today: string; settings: SupervisionSettings; actorId: string | null },
): Promise<WarningOutcome[]> {
  const outcomes: WarningOutcome[] = [];
  const history: WarningChangeEntry[] = [];
  const notices: NotifyInput[] = [];
  for (const row of rows) {
    const result = computeWarning({
      today,
      stage: row.stage,
      plannedStartDate: row.plannedStartDate,
      constructionDate: row.constructionDate,
      plan: row.plan,
      progress: row.latest ? [row.latest] : [],
      notices: row.notices ?? [],
      topLevelProblems: row.topLevelProblems ?? [],
      settings,
    });
    const stored = readReasons(row.warningReasons);
    const overrideEnded = row.overrideColor !== null && (row.overrideUntil === null || row.overrideUntil < today);
    const warning = row.overrideColor !== null && !overrideEnded ? row.overrideColor : result.color;
    const changed =
      overrideEnded ||
      warning !== row.warning ||
      result.color !== row.warningComputed ||
      !sameReasons(stored, result.reasons);
    outcomes.push({ id: row.id, warning, computed: result.color, reasons: result.reasons, changed, overrideEnded });
    if (!changed) continue;
    if (
      overrideEnded ||
      warning !== row.warning ||
      result.color !== row.warningComputed ||
      !sameReasonCodes(stored, result.reasons)
    )
      history.push({
        projectId: row.id,
        from: row.warning,
        to: warning,
        computed: result.color,
        reasons: result.reasons,
        source: overrideEnded ? "OVERRIDE_ENDED" : "COMPUTED",
        byId: actorId,
      });
    if (warning === "RED" && row.warning !== "RED") notices.push(turnedRedNotice(row, today));
  }
  const changed = outcomes.filter((o) => o.changed);
  if (changed.length)
    await tx.$executeRawUnsafe(
      `update projects p set warning = v.warning::"WarningColor", "warningComputed" = v.computed::"WarningColor",
         "warningReasons" = v.reasons::jsonb,
         "warningOverrideColor" = case when v.ended then null else p."warningOverrideColor" end,
         "warningOverrideReason" = case when v.ended then null else p."warningOverrideReason" end,
         "warningOverrideUntil" = case when v.ended then null else p."warningOverrideUntil" end,
         "warningOverrideById" = case when v.ended then null else p."warningOverrideById" end,
         "warningOverrideAt" = case when v.ended then null else p."warningOverrideAt" end
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) as v(id, warning, computed, reasons, ended)
       where p.id = v.id`,
      changed.map((o) => o.id),
      changed.map((o) => o.warning),
      changed.map((o) => o.computed),
      changed.map((o) => JSON.stringify(o.reasons)),
      changed.map((o) => o.overrideEnded),
    );
  await writeWarningChanges(tx, history);
  await notifyMany(tx, notices);
  return outcomes;
}
