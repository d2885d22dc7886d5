import "server-only";
import type { Prisma, Tx } from "../db";
import type { Color, WarningReason } from "./warning-rules";

export type WarningChangeEntry = {
  projectId: string;
  from: Color;
  to: Color;
  /** What the rules said at that moment (beside an override). */
  computed: Color;
  reasons: readonly WarningReason[];
  /** COMPUTED (the rules), OVERRIDE (a manager set one), OVERRIDE_ENDED (ended early, or its last day passed). */
  source: "COMPUTED" | "OVERRIDE" | "OVERRIDE_ENDED";
  /** The manager's reason for an override, or for ending it early. */
  reason?: string | null;
  /** Who caused it (null: the daily recompute). */
  byId?: string | null;
};

/**
 * The one writer of the colour history (SPEC §5 "every colour change is kept: from, to,
 * reasons, computed or overridden, by whom, when"): one insert for any number of rows, in
 * the caller's transaction.
 */
export async function writeWarningChanges(tx: Tx, entries: readonly WarningChangeEntry[]): Promise<number> {
  if (!entries.length) return 0;
  const { count } = await tx.warningChange.createMany({
    data: entries.map((e) => ({
      projectId: e.projectId,
      from: e.from,
      to: e.to,
      computed: e.computed,
      reasons: e.reasons as unknown as Prisma.InputJsonValue,
      source: e.source,
      reason: e.reason ?? null,
      byId: e.byId ?? null,
    })),
  });
  return count;
}
