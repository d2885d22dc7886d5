import "server-only";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb, type Tx } from "../db";
import { shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { resolveLocale, type Locale } from "../i18n/config";
import { assertVersion } from "../locks";
import { notify } from "../notifications/notify";
import { lockProject } from "../projects/load";
import { parseInput } from "../validation";
import { recomputeWarning } from "./recompute-warning";
import { warningOverrideSchema } from "./schemas";
import { turnedRedNotice } from "./warning-red";
import { writeWarningChanges } from "./warning-changes";
import { overriderNames, warningFields, warningSelect } from "./warning-view";

/** A project's colour as the override routes answer it (the effective colour, the computed one and its reasons, the override). */
export async function projectWarning(tx: Tx, projectId: string, locale: Locale) {
  const row = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, ...warningSelect } });
  return { id: row.id, ...warningFields(row, locale, await overriderNames(tx, [row])) };
}

/** The colour columns an audit row of an override shows. */
export const overrideSnapshot = (p: {
  warning: string;
  warningOverrideColor: string | null;
  warningOverrideReason: string | null;
  warningOverrideUntil: Date | null;
}) => ({
  warning: p.warning,
  warningOverrideColor: p.warningOverrideColor,
  warningOverrideReason: p.warningOverrideReason,
  warningOverrideUntil: p.warningOverrideUntil?.toISOString().slice(0, 10) ?? null,
});

/**
 * A manager overrides a project's colour with a reason and a last day (SPEC §5). The colour
 * is recomputed first, so the computed colour and its reasons beside the override are
 * today's. Only a project under dispatch (a plan for this year) has a colour to override.
 */
export async function overrideWarning({
  actor,
  projectId,
  input,
  locale = "zh-CN",
}: {
  actor: Actor;
  projectId: string;
  input: unknown;
  locale?: Locale;
}) {
  const data = parseInput(warningOverrideSchema, input);
  return getDb().$transaction(async (tx) => {
    const { row: p } = await lockProject(tx, { actor, id: projectId });
    assertCan(actor, "warning.override");
    assertVersion(p.version, data.version);
    const computed = await recomputeWarning(tx, projectId, { actorId: actor.id });
    if (!computed || computed.computed === "NONE") throw new AppError("RULE_WARNING_NOT_DISPATCHED");
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: warningSelect });
    const after = await tx.project.update({
      where: { id: projectId },
      data: {
        warning: data.color,
        warningOverrideColor: data.color,
        warningOverrideReason: data.reason,
        warningOverrideUntil: storedDate(data.until),
        warningOverrideById: actor.id,
        warningOverrideAt: new Date(),
      },
      select: { ...warningSelect, name: true, code: true, ownerId: true, leaderId: true },
    });
    await writeWarningChanges(tx, [
      {
        projectId,
        from: before.warning,
        to: data.color,
        computed: computed.computed,
        reasons: computed.reasons,
        source: "OVERRIDE",
        reason: data.reason,
        byId: actor.id,
      },
    ]);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "warning:override",
      before: overrideSnapshot(before),
      after: overrideSnapshot(after),
    });
    if (data.color === "RED" && before.warning !== "RED")
      await notify(tx, turnedRedNotice({ ...after, id: projectId }, shanghaiToday()));
    return projectWarning(tx, projectId, resolveLocale(locale));
  });
}
