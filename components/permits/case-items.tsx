import { useTranslations } from "next-intl";
import Link from "next/link";
import type { PermitCaseView } from "@/lib/permits/view";
import { DueCell, ItemStateBadge } from "./badges";
import { DecisionForm, ResubmitForm } from "./case-actions";
import { CaseDocuments, type CaseDocument } from "./case-documents";
import { decideHref } from "@/lib/permits/links";

/**
 * The case's items, one body each: its row, and under it the form of whoever acts on it.
 * An approver sees one decision form at a time — the item 办理 led to (`focus`), with the
 * application's documents beside it; their other pending items carry a 办理 link. A
 * returned item shows its clock stopped and what is missing, not a due date running out.
 */
export function CaseItems({
  c,
  decide,
  resubmit,
  focus,
  documents,
  today,
}: {
  c: PermitCaseView;
  decide: string[];
  resubmit: string[];
  focus: string | null;
  documents: CaseDocument[];
  today: string;
}) {
  const t = useTranslations("permits");
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="permit-items">
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          <tr>
            <th className="px-3 py-2">{t("permitType")}</th>
            <th className="px-3 py-2">{t("department")}</th>
            <th className="px-3 py-2">{t("state")}</th>
            <th className="px-3 py-2">{t("limit")}</th>
            <th className="px-3 py-2">{t("due")}</th>
            <th className="px-3 py-2">{t("elapsedCol")}</th>
            <th className="px-3 py-2">{t("result")}</th>
          </tr>
        </thead>
        {c.items.map((i) => {
          const open = focus === i.id;
          const mayDecide = decide.includes(i.id);
          return (
            <tbody
              key={i.id}
              id={`item-${i.id}`}
              data-item={i.permitType}
              data-focus={open ? "true" : undefined}
              className={`scroll-mt-4 border-t border-slate-100 ${open ? "bg-brand-50/60" : ""}`}
            >
              <tr className="align-top">
                <td className="px-3 py-2 font-medium">{i.permitTypeName}</td>
                <td className="px-3 py-2">{i.departmentName}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <ItemStateBadge state={i.state} />
                  {i.overdue ? <span className="ml-1 text-xs font-semibold text-red-700">{t("overdue")}</span> : null}
                </td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap">
                  {t("days", { n: i.limitDays })}
                  {i.pausedDays ? (
                    <span className="block text-xs text-slate-500">{t("paused", { n: i.pausedDays })}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <DueCell
                    dueDate={i.dueDate}
                    remaining={i.remainingWorkingDays}
                    overdue={i.overdue}
                    pausedSince={i.returnedDate}
                  />
                </td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap">{t("days", { n: i.elapsedWorkingDays })}</td>
                <td className="px-3 py-2">
                  {i.certificateNo ? (
                    <span data-testid="certificate">
                      {i.certificateNo} · {i.certificateDate}
                    </span>
                  ) : null}
                  {i.rejectReason ? <span className="text-red-700">{i.rejectReason}</span> : null}
                  {i.state === "RETURNED" ? (
                    <>
                      <span className="text-xs text-slate-500">{t("waitingForApplicant")}</span>
                      <ul className="list-inside list-disc text-amber-800">
                        {i.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {i.decidedBy ? (
                    <span className="block text-xs text-slate-500">
                      {i.decidedBy} · {i.decidedDate}
                    </span>
                  ) : null}
                  {mayDecide && !open ? (
                    <Link
                      href={decideHref({ caseId: c.id, id: i.id })}
                      className="text-brand-700 hover:underline"
                      data-testid="decide-link"
                    >
                      {t("handle")}
                    </Link>
                  ) : null}
                </td>
              </tr>
              {(mayDecide && open) || resubmit.includes(i.id) ? (
                <tr>
                  <td colSpan={7} className="px-3 pb-3">
                    {mayDecide && open ? (
                      <div className="grid grid-cols-1 gap-3 lg:grid-cols-[3fr_2fr]">
                        <DecisionForm
                          itemId={i.id}
                          version={i.version}
                          today={today}
                          permitTypeName={i.permitTypeName}
                          projectName={c.projectName}
                        />
                        <aside className="rounded border border-slate-200 bg-white p-3" aria-label={t("documents")}>
                          <h3 className="mb-2 text-xs font-semibold text-slate-600">{t("documents")}</h3>
                          <CaseDocuments caseId={c.id} items={documents} canUpload={false} />
                          <a href="#application" className="mt-2 block text-xs text-brand-700 hover:underline">
                            {t("seeApplication")}
                          </a>
                        </aside>
                      </div>
                    ) : null}
                    {resubmit.includes(i.id) ? <ResubmitForm itemId={i.id} version={i.version} /> : null}
                  </td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
