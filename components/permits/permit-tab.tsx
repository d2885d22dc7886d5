import { useTranslations } from "next-intl";
import Link from "next/link";
import type { PermitCaseView } from "@/lib/permits/view";
import { ApplicationForm, type ApplicationValues } from "./application-form";
import { CaseStateBadge, DueCell, ItemStateBadge } from "./badges";

const openingStages = ["SIGNED", "REGISTERED", "APPROVING"];

/** The project's 七证合一 tab: the case at a glance, or the application that opens it. */
export function PermitTab({
  projectId,
  stage,
  permitCase: c,
  canOpen,
  initial,
}: {
  projectId: string;
  stage: string;
  permitCase: PermitCaseView | null;
  canOpen: boolean;
  initial: Partial<ApplicationValues>;
}) {
  const t = useTranslations("permits");
  if (!c) {
    if (!canOpen) return <p className="text-sm text-slate-500">{t("noCase")}</p>;
    if (!openingStages.includes(stage)) return <p className="text-sm text-slate-500">{t("notYet")}</p>;
    return (
      <div className="space-y-3" data-testid="tab-permit">
        <p className="text-sm text-slate-600">{t("openExplain")}</p>
        <ApplicationForm mode="open" projectId={projectId} initial={initial} />
      </div>
    );
  }
  return (
    <div className="space-y-3" data-testid="tab-permit">
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <CaseStateBadge state={c.state} />
        {c.dueDate ? (
          <span>
            {t("caseDue")} <DueCell dueDate={c.dueDate} remaining={null} overdue={c.overdue} />
          </span>
        ) : null}
        <span>{t("progress", { n: c.approvedCount, total: c.items.length || 7 })}</span>
        <Link href={`/permits/${c.id}`} className="text-brand-700 underline" data-testid="open-case">
          {t("openCase")}
        </Link>
      </p>
      {c.items.length ? (
        <ul className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
          {c.items.map((i) => (
            <li
              key={i.id}
              className="flex items-center justify-between gap-2 rounded border border-slate-100 px-2 py-1"
            >
              <span>{i.permitTypeName}</span>
              <ItemStateBadge state={i.state} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
