import { SimpleTable } from "@/components/ui/simple-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { StageBadge, WarningDot } from "@/components/ui/badges";
import { formatDateTime, formatWan } from "@/lib/format";
import { Money } from "@/components/ui/money";
import type { ProjectView } from "@/lib/projects/project-view";
import { projectSections, type ProjectSection } from "@/lib/projects/sections";

export const projectTabs = projectSections;
export type ProjectTab = ProjectSection;

/** The tabs of the sections the reader may open (lib/projects/sections.ts). */
export function TabNav({
  projectId,
  tabs,
  active,
}: {
  projectId: string;
  tabs: readonly ProjectTab[];
  active: ProjectTab;
}) {
  const t = useTranslations("projectPage.tabs");
  return (
    <nav className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" role="tablist">
      {tabs.map((tab) => (
        <Link
          key={tab}
          role="tab"
          aria-selected={tab === active}
          href={`/projects/${projectId}?tab=${tab}`}
          className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap md:px-4 ${tab === active ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t(tab)}
        </Link>
      ))}
    </nav>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children ?? "—"}</dd>
    </div>
  );
}

export function BasicsTab({ p }: { p: ProjectView }) {
  const t = useTranslations();
  return (
    <div className="space-y-4" data-testid="tab-basics">
      <dl className="grid grid-cols-2 gap-x-6 md:grid-cols-4">
        <Item label={t("projects.code")}>{p.code}</Item>
        <Item label={t("projects.enterprise")}>{p.enterpriseName}</Item>
        <Item label={t("projects.creditCode")}>{p.creditCode}</Item>
        <Item label={t("projects.industry")}>{p.industryName}</Item>
        <Item label={t("projects.park")}>{p.parkName}</Item>
        <Item label={t("projects.sourceChannel")}>{t(`sourceChannels.${p.sourceChannel}`)}</Item>
        <Item label={t("projects.owner")}>
          <span data-testid="project-owner">{p.ownerName}</span>
        </Item>
        <Item label={t("projects.leader")}>{p.leaderName}</Item>
        <Item label={t("projects.stage")}>
          <StageBadge stage={p.stage} />
        </Item>
        <Item label={t("projects.warning")}>
          <WarningDot warning={p.warning} />
        </Item>
        <Item label={t("projects.keyProject")}>{p.keyProject ? t("common.yes") : t("common.no")}</Item>
        <Item label={t("projects.tags")}>{p.tags.length ? p.tags.join("、") : null}</Item>
        <Item label={t("projects.links")}>
          {p.links.length
            ? p.links.map((l) => (
                <Link key={l.id} href={`/chains/${l.chainId}`} className="mr-2 text-brand-700 hover:underline">
                  {l.chainName} · {l.name}
                </Link>
              ))
            : null}
        </Item>
      </dl>
      <h3 className="text-sm font-semibold text-slate-700">{t("projectForm.figures")}</h3>
      <dl className="grid grid-cols-2 gap-x-6 md:grid-cols-4">
        <Item label={t("projects.amounts.totalInvestment")}>
          {p.totalInvestment ? <Money wan={p.totalInvestment} /> : null}
        </Item>
        <Item label={t("projects.amounts.fixedAssetInvestment")}>
          {p.fixedAssetInvestment ? <Money wan={p.fixedAssetInvestment} /> : null}
        </Item>
        <Item label={t("projects.foreignCapital")}>{p.foreignCapital ? formatWan(p.foreignCapital) : null}</Item>
        <Item label={t("projects.amounts.contractInvestment")}>
          {p.contractInvestment ? <Money wan={p.contractInvestment} /> : null}
        </Item>
        <Item label={t("projects.amounts.expectedAnnualOutput")}>
          {p.expectedAnnualOutput ? <Money wan={p.expectedAnnualOutput} /> : null}
        </Item>
        <Item label={t("projects.amounts.expectedAnnualTax")}>
          {p.expectedAnnualTax ? <Money wan={p.expectedAnnualTax} /> : null}
        </Item>
        <Item label={t("projects.landArea")}>{p.landArea}</Item>
      </dl>
      <h3 className="text-sm font-semibold text-slate-700">{t("projectPage.dates")}</h3>
      <dl className="grid grid-cols-2 gap-x-6 md:grid-cols-4">
        <Item label={t("projects.plannedStartDate")}>{p.plannedStartDate}</Item>
        <Item label={t("projects.signingDate")}>{p.signingDate}</Item>
        <Item label={t("projects.registrationDate")}>{p.registrationDate}</Item>
        <Item label={t("projects.constructionDate")}>{p.constructionDate}</Item>
        <Item label={t("projects.completionDate")}>{p.completionDate}</Item>
        <Item label={t("projects.productionDate")}>{p.productionDate}</Item>
      </dl>
      {p.contacts?.length ? (
        <>
          <h3 className="text-sm font-semibold text-slate-700">{t("projectForm.contacts")}</h3>
          <ul className="text-sm">
            {p.contacts.map((c, i) => (
              <li key={i}>
                {c.name} {c.title} {c.phone}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.description ? <p className="whitespace-pre-wrap text-sm text-slate-700">{p.description}</p> : null}
    </div>
  );
}

type Activity = { id: string; type: string; date: string; participants: string; notes: string; createdBy: string };

export function Timeline({ items }: { items: Activity[] }) {
  const t = useTranslations();
  if (!items.length) return <p className="text-sm text-slate-500">{t("common.noData")}</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {items.map((a) => (
        <li key={a.id} data-saved-id={a.id}>
          <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-brand-600" aria-hidden />
          <p className="text-xs text-slate-500">
            {a.date} · {t(`activities.types.${a.type}`)} · {a.createdBy}
          </p>
          {a.participants ? (
            <p className="text-xs text-slate-500">
              {t("activities.participants")}: {a.participants}
            </p>
          ) : null}
          <p className="whitespace-pre-wrap text-sm text-slate-800">{a.notes}</p>
        </li>
      ))}
    </ol>
  );
}

type StageRow = {
  id: string;
  fromStage: string | null;
  toStage: string;
  note: string;
  override: boolean;
  firstEntry: boolean;
  createdAt: string;
  userName: string;
};

export function StageHistory({ rows }: { rows: StageRow[] }) {
  const t = useTranslations();
  return (
    <SimpleTable
      headers={[t("history.time"), t("history.move"), t("history.user"), t("projectPage.note")]}
      testId="stage-history"
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className="whitespace-nowrap px-3 py-1.5 text-xs">{formatDateTime(r.createdAt)}</td>
          <td className="px-3 py-1.5">
            {r.fromStage ? (
              <>
                <StageBadge stage={r.fromStage} /> →{" "}
              </>
            ) : null}
            <StageBadge stage={r.toStage} />
            {r.override ? (
              <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">{t("history.override")}</span>
            ) : null}
          </td>
          <td className="px-3 py-1.5">{r.userName}</td>
          <td className="px-3 py-1.5 text-slate-600">{r.note}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}
