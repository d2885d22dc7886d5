import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { shanghaiToday } from "../dates";
import type { Locale } from "../i18n/config";
import { assertProjectVisible } from "../projects/visibility";
import { readReasons } from "./warning-rules";
import { colourStrip, quarterOf } from "./warning-strip";
import { localizeReasons, overriderNames, warningFields, warningSelect } from "./warning-view";

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * A project's colour now and its history (GET /api/v1/projects/{id}/warnings, the 督办 tab):
 * every change newest first with its reasons in the reader's language, who and why, and the
 * current quarter as a strip of days. 404 unless the actor may read the bureau's work on it.
 */
export async function listWarningChanges({
  actor,
  projectId,
  locale,
  today = shanghaiToday(),
}: {
  actor: Actor;
  projectId: string;
  locale: Locale;
  today?: string;
}) {
  const db = getDb();
  await assertProjectVisible(db, { actor, projectId, part: "work" });
  assertCan(actor, "supervision.read");
  const [project, rows] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { ...warningSelect, name: true } }),
    db.warningChange.findMany({
      where: { projectId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 500,
      select: {
        id: true,
        from: true,
        to: true,
        computed: true,
        reasons: true,
        source: true,
        reason: true,
        byId: true,
        at: true,
      },
    }),
  ]);
  const names = await overriderNames(db, [project, ...rows.map((r) => ({ warningOverrideById: r.byId }))]);
  const items = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    from: r.from,
    to: r.to,
    computed: r.computed,
    source: r.source,
    reason: r.reason,
    by: r.byId ? { id: r.byId, name: names.get(r.byId) ?? null } : null,
    reasons: localizeReasons(r.reasons, locale),
    reasonCodes: readReasons(r.reasons).map((x) => x.code),
  }));
  const q = quarterOf(today);
  const strip = colourStrip({
    ...q,
    today,
    current: project.warning,
    changes: [...rows].reverse().map((r) => ({ day: shanghaiDay.format(r.at), from: r.from, to: r.to })),
  });
  return { name: project.name, current: warningFields(project, locale, names), items, quarter: { ...q, days: strip } };
}
export type WarningHistory = Awaited<ReturnType<typeof listWarningChanges>>;
