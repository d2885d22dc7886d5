// No "server-only" marker: pure wording of the colour columns (no client, no secrets), so the
// demo seed (a plain Node script) words a meeting's proposed agenda with it too.
import type { Prisma, Tx } from "../db";
import { isoDate } from "../dates";
import type { Locale } from "../i18n/config";
import { reasonMessage } from "./reason-message";
import { readReasons, type Color } from "./warning-rules";

export { reasonMessage } from "./reason-message";

/** The colour columns of a project, for every read that shows its colour. */
export const warningSelect = {
  warning: true,
  warningComputed: true,
  warningReasons: true,
  warningOverrideColor: true,
  warningOverrideReason: true,
  warningOverrideUntil: true,
  warningOverrideById: true,
  warningOverrideAt: true,
} as const satisfies Prisma.ProjectSelect;

type WarningColumns = Prisma.ProjectGetPayload<{ select: typeof warningSelect }>;

export type LocalizedReason = {
  code: string;
  color: "YELLOW" | "RED";
  message: string;
  numbers: Record<string, string | number>;
};

export const localizeReasons = (reasons: unknown, locale: Locale): LocalizedReason[] =>
  readReasons(reasons).map((r) => ({
    code: r.code,
    color: r.color,
    message: reasonMessage(r, locale),
    numbers: r.numbers,
  }));

export type WarningOverrideView = {
  color: Color;
  reason: string;
  until: string;
  by: { id: string; name: string | null } | null;
  at: string | null;
};

/**
 * The colour of a project as the API and the pages show it (SPEC §10): the effective colour,
 * the computed one and its reasons in words, and the manager's override (or null).
 */
export function warningFields(p: WarningColumns, locale: Locale, names: ReadonlyMap<string, string>) {
  return {
    warning: p.warning,
    warningComputed: p.warningComputed,
    warningReasons: localizeReasons(p.warningReasons, locale),
    warningOverride: p.warningOverrideColor
      ? ({
          color: p.warningOverrideColor,
          reason: p.warningOverrideReason ?? "",
          until: isoDate(p.warningOverrideUntil) ?? "",
          by: p.warningOverrideById
            ? { id: p.warningOverrideById, name: names.get(p.warningOverrideById) ?? null }
            : null,
          at: p.warningOverrideAt?.toISOString() ?? null,
        } satisfies WarningOverrideView)
      : null,
  };
}
export type WarningFields = ReturnType<typeof warningFields>;

/** The names of the managers behind the overrides of these rows (one query). */
export async function overriderNames(db: Tx, rows: readonly { warningOverrideById: string | null }[]) {
  const ids = [...new Set(rows.map((r) => r.warningOverrideById).filter((x): x is string => !!x))];
  if (!ids.length) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
