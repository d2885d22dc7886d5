import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import type { PlanView } from "@/lib/supervision/plan-view";

/** The four quarterly milestones of a plan (the 督办 tab and the printed letter). */
export function PlanMilestones({ plan, bordered = false }: { plan: PlanView; bordered?: boolean }) {
  const t = useTranslations();
  const cell = bordered ? "border border-slate-400 px-2 py-1.5" : "px-3 py-2";
  return (
    <table
      className={`min-w-full text-sm ${bordered ? "border-collapse" : "divide-y divide-slate-200"}`}
      data-testid="plan-milestones"
    >
      <thead className={bordered ? "" : "bg-slate-50 text-left text-xs font-semibold text-slate-600"}>
        <tr>
          <th scope="col" className={cell}>
            {t("plans.quarter")}
          </th>
          <th scope="col" className={cell}>
            {t("plans.stage")}
          </th>
          <th scope="col" className={cell}>
            {t("plans.investment")}
          </th>
          <th scope="col" className={cell}>
            {t("plans.task")}
          </th>
          <th scope="col" className={cell}>
            {t("plans.dueDate")}
          </th>
        </tr>
      </thead>
      <tbody className={bordered ? "" : "divide-y divide-slate-100"}>
        {plan.milestones.map((m) => (
          <tr key={m.quarter}>
            <th scope="row" className={`${cell} text-left font-normal whitespace-nowrap`}>
              {t(`plans.q${m.quarter}`)}
            </th>
            <td className={`${cell} whitespace-nowrap`}>{t(`stages.${m.stage}`)}</td>
            <td className={`${cell} text-right`}>
              <Money wan={m.investment} />
            </td>
            <td className={cell}>{m.task}</td>
            <td className={`${cell} whitespace-nowrap`}>{m.dueDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
