import "server-only";
import type { Tx } from "../db";
import { writeAudit } from "../audit/log";
import type { Stage } from "./stages";

export type StageChangeEntry = {
  projectId: string;
  /** null for the first row of a project's history (its creation). */
  from: Stage | null;
  to: Stage;
  actorId: string;
  note?: string;
  /** A manager's decision outside the ordinary next step (skip, back, 容缺开工, resume elsewhere). */
  override?: boolean;
  /** When the move happened; now unless a dated history is written (imports). */
  at?: Date;
  /**
   * The audit row of the move (action `stage:FROM->TO`); null when the caller's own audit
   * row covers it (a project's creation, an import's creation with its history).
   */
  audit: { before: unknown; after: unknown } | null;
};

/** A stage change as stored. */
const stageChangeRow = (e: Omit<StageChangeEntry, "audit">, firstEntry: boolean) => ({
  projectId: e.projectId,
  fromStage: e.from,
  toStage: e.to,
  userId: e.actorId,
  note: e.note ?? "",
  override: e.override ?? false,
  firstEntry,
  ...(e.at ? { createdAt: e.at } : {}),
});

/**
 * The one writer of stage-change rows (SPEC §2 "each change stored with from, to, user,
 * time and note"). `firstEntry` marks the project's first entry into the stage, so that
 * statistics (三个一批) count a project once however often it moves back and forth.
 */
export async function recordStageChange(tx: Tx, e: StageChangeEntry) {
  const earlier = await tx.stageChange.count({ where: { projectId: e.projectId, toStage: e.to } });
  await tx.stageChange.create({ data: stageChangeRow(e, earlier === 0) });
  if (e.audit)
    await writeAudit(tx, {
      actorId: e.actorId,
      entityType: "Project",
      entityId: e.projectId,
      action: `stage:${e.from ?? "NEW"}->${e.to}`,
      before: e.audit.before,
      after: e.audit.after,
    });
}

/**
 * A new project's dated history in one statement (an import's creation, whose own audit row
 * covers it): every entry is the project's first into its stage.
 */
export async function recordNewProjectHistory(tx: Tx, entries: Omit<StageChangeEntry, "audit">[]) {
  await tx.stageChange.createMany({ data: entries.map((e) => stageChangeRow(e, true)) });
}
