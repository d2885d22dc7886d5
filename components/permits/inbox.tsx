import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { decideHref } from "@/lib/permits/links";
import type { PermitInboxItem } from "@/lib/permits/queries";
import { DueCell } from "./badges";

function FastTrack() {
  const t = useTranslations("permits");
  return <span className="ml-1 rounded bg-fuchsia-100 px-1 text-xs text-fuchsia-800">{t("fastTrack")}</span>;
}

function Project({ i }: { i: PermitInboxItem }) {
  return (
    <>
      <span className="font-mono text-xs text-slate-500">{i.projectCode}</span> {i.projectName}
    </>
  );
}

/**
 * An approver's inbox: 待办, the items they decide (by due date, each with 办理), and
 * 等待补正, the items they returned: not tasks, the clock stopped until the applicant
 * resubmits, with what is missing; the case opens to read, not to decide.
 */
export function PermitInbox({
  department,
  toDecide,
  awaitingCorrection,
}: {
  department: string;
  toDecide: PermitInboxItem[];
  awaitingCorrection: PermitInboxItem[];
}) {
  const t = useTranslations("permits");
  return (
    <>
      <Card title={t("inbox", { department })}>
        {toDecide.length ? (
          <SimpleTable
            testId="permit-inbox"
            headers={[t("due"), t("permitType"), t("projectCol"), t("elapsedCol"), ""]}
          >
            {toDecide.map((i) => (
              <tr key={i.id} className={i.overdue ? "bg-red-50" : undefined} data-item-id={i.id}>
                <td className="px-3 py-2 whitespace-nowrap">
                  <DueCell dueDate={i.dueDate} remaining={i.remainingWorkingDays} overdue={i.overdue} />
                </td>
                <td className="px-3 py-2">
                  {i.permitTypeName}
                  {i.fastTrack ? <FastTrack /> : null}
                </td>
                <td className="px-3 py-2">
                  <Project i={i} />
                </td>
                <td className="px-3 py-2 tabular-nums">{t("days", { n: i.elapsedWorkingDays })}</td>
                <td className="px-3 py-2">
                  <Link href={decideHref(i)} className="text-brand-700 hover:underline">
                    {t("handle")}
                  </Link>
                </td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="text-sm text-slate-500">{t("inboxEmpty")}</p>
        )}
      </Card>
      {awaitingCorrection.length ? (
        <Card title={t("awaitingCorrection", { n: awaitingCorrection.length })}>
          <p className="mb-2 text-xs text-slate-500">{t("awaitingCorrectionExplain")}</p>
          <SimpleTable
            testId="permit-awaiting-correction"
            headers={[t("clockCol"), t("permitType"), t("projectCol"), t("missingCol")]}
          >
            {awaitingCorrection.map((i) => (
              <tr key={i.id} data-item-id={i.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap">
                  <DueCell
                    dueDate={i.dueDate}
                    remaining={i.remainingWorkingDays}
                    overdue={false}
                    pausedSince={i.returnedDate}
                  />
                </td>
                <td className="px-3 py-2">
                  {i.permitTypeName}
                  {i.fastTrack ? <FastTrack /> : null}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/permits/${i.caseId}#item-${i.id}`} className="text-brand-700 hover:underline">
                    <Project i={i} />
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <ul className="list-inside list-disc text-amber-800">
                    {i.missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </SimpleTable>
        </Card>
      ) : null}
    </>
  );
}
