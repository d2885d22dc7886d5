import "server-only";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { notify } from "../notifications/notify";
import { lockProject } from "../projects/load";
import { overrideSnapshot, projectWarning } from "./override-warning";
import { recomputeWarning } from "./recompute-warning";
import { turnedRedNotice } from "./warning-red";
import { writeWarningChanges } from "./warning-changes";
import { warningSelect } from "./warning-view";
import { shanghaiToday } from "../dates";

/**
 * A manager ends an override before its last day: the project takes the computed colour
 * again (recomputed now), with a history row (OVERRIDE_ENDED, by whom) and the audit row.
 */
export async function endWarningOverride({
  actor,
  projectId,
  locale = "zh-CN",
}: {
  actor: Actor;
  projectId: string;
  locale?: Locale;
}) {
  return getDb().$transaction(async (tx) => {
    await lockProject(tx, { actor, id: projectId });
    assertCan(actor, "warning.override");
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: warningSelect });
    if (!before.warningOverrideColor) throw new AppError("RULE_WARNING_NO_OVERRIDE");
    const computed = (await recomputeWarning(tx, projectId, { actorId: actor.id }))!;
    const after = await tx.project.update({
      where: { id: projectId },
      data: {
        warning: computed.computed,
        warningOverrideColor: null,
        warningOverrideReason: null,
        warningOverrideUntil: null,
        warningOverrideById: null,
        warningOverrideAt: null,
      },
      select: { ...warningSelect, name: true, code: true, ownerId: true, leaderId: true },
    });
    await writeWarningChanges(tx, [
      {
        projectId,
        from: before.warning,
        to: computed.computed,
        computed: computed.computed,
        reasons: computed.reasons,
        source: "OVERRIDE_ENDED",
        byId: actor.id,
      },
    ]);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "warning:override-end",
      before: overrideSnapshot(before),
      after: overrideSnapshot(after),
    });
    if (after.warning === "RED" && before.warning !== "RED")
      await notify(tx, turnedRedNotice({ ...after, id: projectId }, shanghaiToday()));
    return projectWarning(tx, projectId, locale);
  });
}
