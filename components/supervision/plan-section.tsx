import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Money } from "@/components/ui/money";
import { uploadLimitMb } from "@/lib/attachments/attachments";
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiToday, shanghaiYear } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { problemRaiseChoices } from "@/lib/problems/problem-queries";
import { getPlanPage } from "@/lib/supervision/plan-queries";
import { listProgress } from "@/lib/supervision/progress-queries";
import { PlanForm } from "./plan-form";
import { PlanMilestones } from "./plan-milestones";
import { ProgressForm } from "./progress-form";
import { ProgressList } from "./progress-list";
import { SignPlanButton } from "./sign-plan-button";

/** The year shown: `?year=` when it is a plan year (2000–2100), else this year. */
function yearOf(param: string | undefined): number {
  const y = Number(param);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : shanghaiYear();
}

/**
 * The 督办 tab's plan and 日调度: the year's plan (责任书) with its goal, milestones, leader and
 * signature (签字认领 for that leader), the form to draft or change it, and the progress
 * entries with their form; without a plan, 未纳入调度 and 制定年度计划. Other years by `?year=`.
 */
export async function PlanSection({ actor, projectId, year }: { actor: Actor; projectId: string; year?: string }) {
  const t = await getTranslations();
  const page = await getPlanPage({ actor, projectId, year: yearOf(year) });
  const { plan, project, allowed } = page;
  const [progress, departments] = plan
    ? await Promise.all([
        listProgress({ actor, projectId, query: { year: page.year } }),
        problemRaiseChoices({ actor, projectId }),
      ])
    : [[], null];
  const thisYear = shanghaiYear();
  const years = [...new Set([...page.years, thisYear - 1, thisYear, thisYear + 1, page.year])].sort();
  return (
    <section className="space-y-4" data-testid="plan-section">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-800">
          {t("plans.title")} · {t("plans.yearLabel", { year: page.year })}
        </h2>
        <nav aria-label={t("plans.chooseYear")} className="flex gap-1 text-sm" data-testid="plan-years">
          {years.map((y) => (
            <Link
              key={y}
              href={`/projects/${projectId}?tab=supervision&year=${y}`}
              aria-current={y === page.year ? "page" : undefined}
              className={`rounded px-2 py-0.5 ${
                y === page.year ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"
              } ${page.years.includes(y) ? "font-semibold" : ""}`}
            >
              {y}
            </Link>
          ))}
        </nav>
      </div>

      {plan ? (
        <div className="space-y-3" data-testid="plan-view">
          <dl className="grid grid-cols-1 gap-2 text-sm md:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-500">{t("plans.goalStage")}</dt>
              <dd data-testid="plan-goal-stage">{t(`stages.${plan.goalStage}`)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("plans.goalInvestment")}</dt>
              <dd>
                <Money wan={plan.goalInvestment} />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("plans.leader")}</dt>
              <dd data-testid="plan-leader">{plan.leaderName}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("plans.signature")}</dt>
              <dd data-testid="plan-state" data-state={plan.state}>
                {plan.state === "SIGNED" ? (
                  <span className="text-emerald-700">
                    {t("plans.signed")} ·{" "}
                    {t("plans.signedBy", { name: plan.signedByName ?? "", time: formatDateTime(plan.signedAt!) })}
                  </span>
                ) : (
                  <span className="text-amber-700">
                    {t("plans.unsigned")} · {t("plans.awaiting", { name: plan.leaderName ?? "" })}
                  </span>
                )}
              </dd>
            </div>
          </dl>
          <div className="overflow-x-auto">
            <PlanMilestones plan={plan} />
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {allowed.sign ? (
              <SignPlanButton
                projectId={projectId}
                projectName={project.name}
                year={page.year}
                version={plan.version}
              />
            ) : null}
            <Link
              href={`/projects/${projectId}/plans/${page.year}/print`}
              data-testid="plan-print-link"
              className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100"
            >
              {t("plans.print")}
            </Link>
          </div>
        </div>
      ) : (
        <div className="rounded-md border border-dashed border-slate-300 p-3" data-testid="plan-none">
          <p className="text-sm font-semibold text-slate-700">{t("plans.none")}</p>
          <p className="text-sm text-slate-600">{t("plans.noneExplain", { year: page.year })}</p>
        </div>
      )}

      {allowed.save ? (
        <PlanForm
          key={`${page.year}-${plan?.version ?? 0}`}
          projectId={projectId}
          projectName={project.name}
          year={page.year}
          change={allowed.change}
          currentStage={project.stage}
          defaultLeaderId={project.leaderId}
          leaders={page.leaders}
          plan={
            plan
              ? {
                  goalStage: plan.goalStage,
                  goalInvestment: plan.goalInvestment,
                  leaderId: plan.leaderId,
                  version: plan.version,
                  milestones: plan.milestones,
                }
              : null
          }
        />
      ) : null}

      {plan ? (
        <div className="space-y-3 border-t border-slate-200 pt-3">
          <h3 className="text-sm font-semibold text-slate-700">{t("progress.title")}</h3>
          {/* Entries are dated in the plan's year, never in the future. */}
          {allowed.progress && page.year <= thisYear ? (
            <ProgressForm
              projectId={projectId}
              today={page.year === thisYear ? shanghaiToday() : `${page.year}-12-31`}
              maxMb={uploadLimitMb()}
            />
          ) : null}
          <ProgressList items={progress} raise={departments ? { projectId, departments } : null} />
        </div>
      ) : null}
    </section>
  );
}
