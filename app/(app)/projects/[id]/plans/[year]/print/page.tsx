import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/audit/audit-history";
import { PlanMilestones } from "@/components/supervision/plan-milestones";
import { PrintButton } from "@/components/ui/print-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Money } from "@/components/ui/money";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { recordLoader } from "@/lib/pages/record-page";
import { getPlanPage, planHistory } from "@/lib/supervision/plan-queries";

type Props = { params: Promise<{ id: string; year: string }> };

// The project's plan for the year, read once for the title and the page (404 when the
// project is not the reader's to see, or the year is not a plan year).
const load = recordLoader(async (key) => {
  const [projectId, year] = key.split("|");
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) notFound();
  return getPlanPage({ actor: await requireActor("supervision.read"), projectId, year });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, year } = await params;
  const t = await getTranslations("plans");
  const page = await load(`${id}|${year}`);
  return { title: `${page.project.name} · ${t("letterTitle", { year: page.year })}` };
}

/**
 * The responsibility letter (责任书) on A4: title, project, goals, the four milestones and the
 * leader's 签字认领 (name and time, or 待签字); below it, on screen only, every change in words.
 */
export default async function PlanLetterPage({ params }: Props) {
  const actor = await requireActor("supervision.read");
  const { id, year } = await params;
  const t = await getTranslations();
  const page = await load(`${id}|${year}`);
  const { plan, project } = page;
  if (!plan) notFound();
  const history = await planHistory({ actor, planId: plan.id, locale: resolveLocale(await getLocale()) });
  const row = "grid grid-cols-[7rem_1fr] gap-2 border-b border-slate-300 py-1.5";
  return (
    <div className="space-y-6">
      <style>{`@page { size: A4; margin: 18mm 16mm; } @media print { main { padding: 0 !important; } body { background: white; } }`}</style>
      <div className="no-print flex flex-wrap items-start justify-between gap-3">
        <div>
          <Breadcrumbs
            items={[
              { label: t("projects.title"), href: "/projects" },
              { label: project.name, href: `/projects/${project.id}?tab=supervision&year=${page.year}` },
              { label: t("plans.letterTitle", { year: page.year }) },
            ]}
          />
        </div>
        <div className="flex gap-2">
          <PrintButton label={t("plans.printButton")} />
          <Link
            href={`/projects/${project.id}?tab=supervision&year=${page.year}`}
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("plans.back")}
          </Link>
        </div>
      </div>

      <article
        data-testid="plan-letter"
        className="mx-auto max-w-[210mm] bg-white p-10 text-slate-900 shadow-sm print:max-w-none print:p-0 print:shadow-none"
      >
        <h1 className="text-center text-2xl font-bold tracking-wide" data-testid="letter-title">
          {t("plans.letterTitle", { year: page.year })}
        </h1>
        <p className="mt-1 text-center text-xs text-slate-500">{t("plans.version", { version: plan.version })}</p>
        <p className="mt-6 text-sm leading-7 indent-8">{t("plans.letterIntro")}</p>

        <section className="mt-4 text-sm">
          <div className={row}>
            <span className="text-slate-600">{t("plans.project")}</span>
            <span className="font-semibold" data-testid="letter-project">
              {project.name}
            </span>
          </div>
          <div className={row}>
            <span className="text-slate-600">{t("plans.code")}</span>
            <span>{project.code}</span>
          </div>
          <div className={row}>
            <span className="text-slate-600">{t("plans.enterprise")}</span>
            <span>{project.enterpriseName}</span>
          </div>
          <div className={row}>
            <span className="text-slate-600">{t("plans.totalInvestment")}</span>
            <span>
              <Money wan={project.totalInvestment} />
            </span>
          </div>
          {project.parkName ? (
            <div className={row}>
              <span className="text-slate-600">{t("plans.park")}</span>
              <span>{project.parkName}</span>
            </div>
          ) : null}
          <div className={row}>
            <span className="text-slate-600">{t("plans.owner")}</span>
            <span>{project.ownerName}</span>
          </div>
        </section>

        <h2 className="mt-6 text-base font-semibold">{t("plans.goals")}</h2>
        <section className="mt-2 text-sm">
          <div className={row}>
            <span className="text-slate-600">{t("plans.goalStage")}</span>
            <span>{t(`stages.${plan.goalStage}`)}</span>
          </div>
          <div className={row}>
            <span className="text-slate-600">{t("plans.goalInvestment")}</span>
            <span>
              <Money wan={plan.goalInvestment} />
            </span>
          </div>
        </section>

        <h2 className="mt-6 text-base font-semibold">{t("plans.milestones")}</h2>
        <div className="mt-2">
          <PlanMilestones plan={plan} bordered />
        </div>

        <section className="mt-10 grid grid-cols-2 gap-6 text-sm" data-testid="letter-signature">
          <div>
            <p className="text-slate-600">{t("plans.letterSign")}</p>
            <p className="mt-3 text-lg font-semibold" data-testid="letter-leader">
              {plan.state === "SIGNED" ? plan.signedByName : plan.leaderName}
            </p>
            {plan.state === "SIGNED" ? null : <p className="mt-1 text-amber-700">{t("plans.unsigned")}</p>}
          </div>
          <div>
            <p className="text-slate-600">{t("plans.signTime")}</p>
            <p className="mt-3 text-lg" data-testid="letter-signed-at">
              {plan.signedAt ? formatDateTime(plan.signedAt) : t("plans.unsigned")}
            </p>
          </div>
        </section>
        <p className="mt-10 text-right text-xs text-slate-500">{t("plans.printedAt", { date: shanghaiToday() })}</p>
      </article>

      <section className="no-print mx-auto max-w-[210mm]">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("plans.history")}</h2>
        <AuditHistory rows={history} />
      </section>
    </div>
  );
}
