import { getLocale, getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/auth/permissions";
import { shanghaiToday } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { listWarningChanges } from "@/lib/supervision/warning-history";
import type { LocalizedReason } from "@/lib/supervision/warning-view";
import { EndWarningOverride, WarningOverrideForm } from "./warning-override-form";

const swatch: Record<string, string> = {
  NONE: "bg-slate-200",
  BLUE: "bg-blue-500",
  YELLOW: "bg-yellow-400",
  RED: "bg-red-600",
};
const badge: Record<string, string> = {
  NONE: "border border-slate-300 bg-white text-slate-600",
  BLUE: "bg-blue-100 text-blue-800",
  YELLOW: "bg-yellow-100 text-yellow-900",
  RED: "bg-red-100 text-red-800",
};

function ColourBadge({ color, label, testId }: { color: string; label: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      data-color={color}
      className={`inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-sm font-medium ${badge[color] ?? ""}`}
    >
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${swatch[color] ?? ""}`} />
      {label}
    </span>
  );
}

function Reasons({ reasons, testId }: { reasons: LocalizedReason[]; testId: string }) {
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700" data-testid={testId}>
      {reasons.map((r, i) => (
        <li key={i} className="flex items-start gap-1.5">
          <span aria-hidden className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${swatch[r.color]}`} />
          {r.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * 督办 tab, first section: the effective colour with its reasons; when a manager overrode it,
 * the computed colour and its reasons beside it with who, why and until when; the manager's
 * override form and its early end; this quarter's colours as a strip of days and the changes
 * in words.
 */
export async function WarningSection({ actor, projectId }: { actor: Actor; projectId: string }) {
  const t = await getTranslations();
  const locale = resolveLocale(await getLocale());
  const today = shanghaiToday();
  const h = await listWarningChanges({ actor, projectId, locale, today });
  const c = h.current;
  const colour = (code: string) => t(`warnings.${code}`);
  const mayOverride = can(actor.role, "warning.override") && c.warningComputed !== "NONE";
  const counts = h.quarter.days.reduce<Record<string, number>>((acc, d) => {
    if (d.color) acc[d.color] = (acc[d.color] ?? 0) + 1;
    return acc;
  }, {});
  const stripLabel = Object.entries(counts)
    .map(([k, n]) => `${colour(k)} ${n}`)
    .join(t("common.listSeparator"));
  return (
    <section aria-labelledby="warning-title" data-testid="warning-section" className="space-y-4">
      <h3 id="warning-title" className="text-sm font-semibold text-slate-700">
        {t("warnings.panel.title")}
      </h3>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div data-testid="warning-effective">
          <p className="text-xs text-slate-500">
            {c.warningOverride ? t("warnings.panel.overridden") : t("warnings.panel.effective")}
          </p>
          <ColourBadge color={c.warning} label={colour(c.warning)} testId="warning-colour" />
          {c.warningOverride ? (
            <div className="mt-1 text-sm text-slate-700" data-testid="warning-override">
              <p>
                {t("warnings.panel.overrideLine", {
                  by: c.warningOverride.by?.name ?? "—",
                  at: c.warningOverride.at ? formatDateTime(c.warningOverride.at) : "—",
                  color: colour(c.warningOverride.color),
                  until: c.warningOverride.until,
                })}
              </p>
              <p>{t("warnings.panel.overrideReason", { reason: c.warningOverride.reason })}</p>
            </div>
          ) : c.warning === "NONE" ? (
            <p className="mt-1 text-sm text-slate-600">{t("warnings.panel.notDispatched")}</p>
          ) : c.warningReasons.length ? (
            <Reasons reasons={c.warningReasons} testId="warning-reasons" />
          ) : (
            <p className="mt-1 text-sm text-slate-600">{t("warnings.panel.noReasons")}</p>
          )}
        </div>
        {c.warningOverride ? (
          <div data-testid="warning-computed" className="rounded border border-dashed border-slate-300 p-2">
            <p className="text-xs text-slate-500">{t("warnings.panel.computed")}</p>
            <ColourBadge color={c.warningComputed} label={colour(c.warningComputed)} testId="warning-computed-colour" />
            {c.warningReasons.length ? (
              <Reasons reasons={c.warningReasons} testId="warning-computed-reasons" />
            ) : (
              <p className="mt-1 text-sm text-slate-600">{t("warnings.panel.noReasons")}</p>
            )}
          </div>
        ) : null}
      </div>

      {mayOverride ? (
        <div className="space-y-2 rounded bg-slate-50 p-3">
          <div className="flex items-center justify-between gap-2">
            <h4 className="text-xs font-semibold text-slate-600">{t("warnings.panel.overrideTitle")}</h4>
            {c.warningOverride ? (
              <EndWarningOverride projectId={projectId} projectName={h.name} computed={c.warningComputed} />
            ) : null}
          </div>
          <WarningOverrideForm projectId={projectId} projectName={h.name} today={today} defaultUntil={h.quarter.last} />
        </div>
      ) : null}

      <div>
        <h4 className="text-xs font-semibold text-slate-600">
          {t("warnings.panel.historyTitle")} ·{" "}
          {t("warnings.panel.quarter", {
            year: h.quarter.first.slice(0, 4),
            quarter: h.quarter.quarter,
            first: h.quarter.first,
            last: h.quarter.last,
          })}
        </h4>
        <div role="img" aria-label={stripLabel} data-testid="warning-strip" className="mt-2 flex flex-wrap gap-0.5">
          {h.quarter.days.map((d) => (
            <span
              key={d.day}
              data-day={d.day}
              data-color={d.color ?? ""}
              title={t("warnings.panel.dayTitle", {
                day: d.day,
                color: d.color ? colour(d.color) : t("warnings.panel.notYet"),
              })}
              className={`inline-block h-4 w-2.5 rounded-sm ${d.color ? swatch[d.color] : "border border-slate-200 bg-white"} ${d.day === today ? "ring-2 ring-slate-500" : ""}`}
            />
          ))}
        </div>
        <p className="mt-1 flex flex-wrap gap-3 text-xs text-slate-500">
          <span>{t("warnings.panel.legend")}:</span>
          {["BLUE", "YELLOW", "RED", "NONE"].map((k) => (
            <span key={k} className="inline-flex items-center gap-1">
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${swatch[k]}`} />
              {colour(k)}
            </span>
          ))}
        </p>
      </div>

      <div>
        <h4 className="text-xs font-semibold text-slate-600">{t("warnings.panel.changes")}</h4>
        {h.items.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t("warnings.panel.noChanges")}</p>
        ) : (
          <ol className="mt-1 divide-y divide-slate-100 text-sm" data-testid="warning-changes">
            {h.items.map((i) => (
              <li key={i.id} className="py-2">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-500">{formatDateTime(i.at)}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">
                    {t(`warnings.sources.${i.source}`)}
                  </span>
                  <span>
                    {colour(i.from)} → {colour(i.to)}
                  </span>
                  {i.to !== i.computed ? (
                    <span className="text-xs text-slate-500">
                      ({t("warnings.panel.computedWas", { color: colour(i.computed) })})
                    </span>
                  ) : null}
                  <span className="text-xs text-slate-500">
                    {t("warnings.panel.by")}: {i.by?.name ?? t("warnings.panel.system")}
                  </span>
                </p>
                {i.reason ? (
                  <p className="text-slate-700">{t("warnings.panel.overrideReason", { reason: i.reason })}</p>
                ) : null}
                {i.reasons.length ? (
                  <ul className="text-xs text-slate-600">
                    {i.reasons.map((r, k) => (
                      <li key={k}>· {r.message}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
