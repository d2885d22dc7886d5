import { useTranslations } from "next-intl";
import { StageBadge, WarningDot } from "@/components/ui/badges";
import { formatDateTime, formatWan } from "@/lib/format";
import type { ProjectListItem } from "@/lib/projects/queries";

// The first project list. The pipeline issue replaces it with the TanStack data grid.
export function ProjectsList({ items }: { items: ProjectListItem[] }) {
  const t = useTranslations();
  if (items.length === 0) return <p className="py-8 text-center text-sm text-slate-500">{t("common.noData")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="projects-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          <tr>
            <th className="px-3 py-2">{t("projects.code")}</th>
            <th className="px-3 py-2">{t("projects.name")}</th>
            <th className="px-3 py-2">{t("projects.industry")}</th>
            <th className="px-3 py-2">{t("projects.park")}</th>
            <th className="px-3 py-2 text-right">{t("projects.totalInvestment")}</th>
            <th className="px-3 py-2">{t("projects.stage")}</th>
            <th className="px-3 py-2">{t("projects.warning")}</th>
            <th className="px-3 py-2">{t("projects.owner")}</th>
            <th className="px-3 py-2">{t("projects.updatedAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {items.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td className="px-3 py-2 font-mono text-xs">{p.code}</td>
              <td className="px-3 py-2">
                <span className="font-medium text-slate-900">{p.name}</span>
                {p.keyProject ? <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-700">{t("projects.keyProject")}</span> : null}
                <span className="block text-xs text-slate-500">{p.enterpriseName}</span>
              </td>
              <td className="px-3 py-2">{p.industryName}</td>
              <td className="px-3 py-2">{p.parkName ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatWan(p.totalInvestment)}</td>
              <td className="px-3 py-2"><StageBadge stage={p.stage} /></td>
              <td className="px-3 py-2"><WarningDot warning={p.warning} /></td>
              <td className="px-3 py-2">{p.ownerName}</td>
              <td className="px-3 py-2 text-xs text-slate-500">{formatDateTime(p.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
