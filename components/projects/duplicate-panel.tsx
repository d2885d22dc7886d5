"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { StageBadge } from "@/components/ui/badges";
import type { DuplicateReport } from "@/lib/enterprises/duplicates";
import { Money } from "@/components/ui/money";

type Props = {
  report: DuplicateReport;
  linkedId: string | null;
  onLink: (e: { id: string; name: string }) => void;
  onCreateAnyway: () => void;
  busy: boolean;
};

/**
 * The near matches of a new project: existing enterprises to link instead of creating a
 * second one, existing projects (a second project of the same investor is usually a
 * capital increase, recorded on that project), and the choice to create it anyway.
 */
export function DuplicatePanel({ report, linkedId, onLink, onCreateAnyway, busy }: Props) {
  const t = useTranslations();
  return (
    <section
      role="alert"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="duplicate-panel"
    >
      <p className="font-semibold text-amber-900">{t("duplicates.title")}</p>
      {report.enterprises.length ? (
        <div>
          <p className="mb-1 text-xs font-medium text-slate-600">{t("duplicates.enterprises")}</p>
          <ul className="space-y-1">
            {report.enterprises.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3" data-testid="duplicate-enterprise">
                <span className="font-medium">{e.name}</span>
                <span className="font-mono text-xs text-slate-500">{e.creditCode ?? ""}</span>
                <span className="text-xs text-amber-800">
                  {t(`duplicates.reasons.${e.reason}`, { score: Math.round(e.score * 100) })}
                </span>
                {linkedId === e.id ? (
                  <span className="text-xs text-green-700">{t("duplicates.isLinked")}</span>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => onLink({ id: e.id, name: e.name })}
                    className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs hover:bg-amber-100"
                  >
                    {t("duplicates.link")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.projects.length ? (
        <div>
          <p className="mb-1 text-xs font-medium text-slate-600">{t("duplicates.projects")}</p>
          <ul className="space-y-1">
            {report.projects.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3" data-testid="duplicate-project">
                <span className="font-mono text-xs text-slate-500">{p.code}</span>
                <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <StageBadge stage={p.stage} />
                <span className="text-xs text-slate-600">
                  {p.enterpriseName} · <Money wan={p.totalInvestment} />
                </span>
                <span className="text-xs text-amber-800">
                  {t(`duplicates.reasons.${p.reason}`, { score: Math.round(p.score * 100) })}
                </span>
                <Link
                  href={`/projects/${p.id}?tab=capital`}
                  className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs hover:bg-amber-100"
                >
                  {t("duplicates.recordIncrease")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={onCreateAnyway}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
        data-testid="create-anyway"
      >
        {t("duplicates.createAnyway")}
      </button>
    </section>
  );
}
