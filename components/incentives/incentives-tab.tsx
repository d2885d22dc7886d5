import { getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import { can, type Actor } from "@/lib/auth/permissions";
import { shanghaiToday } from "@/lib/dates";
import { resolveLocale } from "@/lib/i18n/config";
import { getProjectIncentives, listProjectGrants } from "@/lib/incentives/grants";
import { GrantForm } from "./grant-form";

/**
 * The project's 政策兑现 tab: every active measure, whether the project qualifies and why (or
 * which threshold it misses), the amount and its yearly parts with what was granted of each;
 * the grants recorded; for a manager, the form to record one.
 */
export async function IncentivesTab({ actor, projectId }: { actor: Actor; projectId: string }) {
  const t = await getTranslations("incentives");
  const locale = resolveLocale(await getLocale());
  const [result, grants] = await Promise.all([
    getProjectIncentives({ actor, projectId, locale }),
    listProjectGrants({ actor, projectId }),
  ]);
  const qualifying = result.items.filter((i) => i.qualifies);
  return (
    <div className="space-y-5" data-testid="incentives-tab">
      <div className="flex flex-wrap gap-6 text-sm">
        <p>
          <span className="text-slate-500">{t("tab.total")}：</span>
          <span className="font-semibold" data-testid="incentives-total">
            <Money wan={result.total} />
          </span>
        </p>
        <p>
          <span className="text-slate-500">{t("tab.granted")}：</span>
          <span className="font-semibold" data-testid="incentives-granted">
            <Money wan={result.granted} />
          </span>
        </p>
      </div>
      {result.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("tab.noMeasures")}</p>
      ) : (
        <SimpleTable
          testId="incentive-items"
          headers={[
            t("tab.measure"),
            t("tab.category"),
            t("tab.qualifies"),
            t("tab.reason"),
            t("tab.amount"),
            t("tab.byYear"),
          ]}
        >
          {result.items.map((i) => (
            <tr key={i.measureId} className="align-top" data-measure={i.name} data-qualifies={i.qualifies}>
              <td className="min-w-[8rem] px-3 py-2 font-medium">{i.name}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`categories.${i.category}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {i.qualifies ? (
                  <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">{t("tab.yes")}</span>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("tab.no")}</span>
                )}
              </td>
              <td className="px-3 py-2 text-slate-700" data-testid="incentive-reason">
                {i.reason.message}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Money wan={i.amount} />
              </td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                {i.byYear.map((y) => (
                  <div key={y.year} data-year={y.year}>
                    {t("tab.yearLine", { year: y.year })} <Money wan={y.amount} />
                    {y.granted !== "0.00" ? (
                      <span className="ml-1 text-emerald-700">
                        （{t("tab.grantedShort")} <Money wan={y.granted} />）
                      </span>
                    ) : null}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <section>
        <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("tab.grants")}</h3>
        {grants.length === 0 ? (
          <p className="text-sm text-slate-500">{t("tab.noGrants")}</p>
        ) : (
          <SimpleTable
            testId="incentive-grants"
            headers={[t("tab.measure"), t("tab.year"), t("tab.amount"), t("tab.grantedOn"), t("tab.note")]}
          >
            {grants.map((g) => (
              <tr key={g.id}>
                <td className="px-3 py-2">{g.measureName}</td>
                <td className="px-3 py-2">{g.year}</td>
                <td className="px-3 py-2">
                  <Money wan={g.amount} />
                </td>
                <td className="px-3 py-2">{g.grantedOn}</td>
                <td className="px-3 py-2">{g.note}</td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
      {can(actor.role, "incentive.grant") && qualifying.length ? (
        <GrantForm
          projectId={projectId}
          today={shanghaiToday()}
          measures={qualifying.map((i) => ({
            id: i.measureId,
            name: i.name,
            years: i.byYear.map((y) => ({ year: y.year, amount: y.amount, granted: y.granted })),
          }))}
        />
      ) : null}
    </div>
  );
}
