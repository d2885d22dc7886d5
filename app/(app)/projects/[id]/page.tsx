import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/config";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ActivityForm } from "@/components/projects/activity-form";
import { AuditHistory } from "@/components/audit/audit-history";
import {
  BasicsTab,
  StageHistory,
  TabNav,
  Timeline,
  projectTabs,
  type ProjectTab,
} from "@/components/projects/project-tabs";
import { Attachments } from "@/components/projects/attachments";
import { CapitalIncreases } from "@/components/projects/capital-increases";
import { PermitTab } from "@/components/permits/permit-tab";
import { SupervisionTab } from "@/components/supervision/supervision-tab";
import { IncentivesTab } from "@/components/incentives/incentives-tab";
import { signingWeekRanges } from "@/lib/signing-weeks/signing-weeks";
import { getProjectPermitCase } from "@/lib/permits/queries";
import { listCapitalIncreases } from "@/lib/projects/capital-increases";
import { listAttachments, uploadLimitMb } from "@/lib/attachments/attachments";
import { StageMovePanel } from "@/components/projects/stage-move-panel";
import { StageBadge, WarningDot } from "@/components/ui/badges";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { entityHistory } from "@/lib/audit/queries";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { listActivities } from "@/lib/projects/activities";
import { getProject, listStageChanges } from "@/lib/projects/queries";
import { recordLoader } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string; year?: string }> };

// The project, read once for the title and the page (404 for a project the reader may not see).
const loadProject = recordLoader(async (id) => getProject({ actor: await requireActor("project.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project: p } = await loadProject((await params).id);
  return { title: `${p.name} · ${p.code}` };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const actor = await requireActor("project.read");
  const { id } = await params;
  const { tab: tabParam, year } = await searchParams;
  const tab: ProjectTab = (projectTabs as readonly string[]).includes(tabParam ?? "")
    ? (tabParam as ProjectTab)
    : "basics";
  const t = await getTranslations();
  const found = await loadProject(id);
  const { project: p, allowed, targets, sections } = found;
  // A section the reader may not open does not exist for them, like its API route.
  if (!sections.includes(tab)) notFound();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Breadcrumbs items={[{ label: t("projects.title"), href: "/projects" }, { label: p.name }]} />
          <p className="font-mono text-xs text-slate-500">{p.code}</p>
          <h1 className="text-xl font-bold text-slate-800" data-testid="project-name">
            {p.name}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span data-testid="project-stage">
              <StageBadge stage={p.stage} />
            </span>
            <WarningDot warning={p.warning} />
            <span>{p.enterpriseName}</span>
            <Money wan={p.totalInvestment} />
            {p.closeReason ? (
              <span className="text-amber-700">
                {t("projectPage.reason")}: {p.closeReason}
              </span>
            ) : null}
          </p>
        </div>
        {allowed.update ? (
          <Link
            href={`/projects/${p.id}/edit`}
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("projectForm.edit")}
          </Link>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_18rem]">
        <Card>
          <TabNav projectId={p.id} tabs={sections} active={tab} />
          {tab === "basics" ? <BasicsTab p={p} /> : null}
          {tab === "supervision" ? <SupervisionTab actor={actor} projectId={p.id} year={year} /> : null}
          {tab === "timeline" ? (
            <div className="space-y-5">
              {allowed.activity ? <ActivityForm projectId={p.id} today={shanghaiToday()} /> : null}
              <Timeline items={await listActivities({ actor, projectId: p.id })} />
            </div>
          ) : null}
          {tab === "stages" ? <StageHistory rows={await listStageChanges({ actor, projectId: p.id })} /> : null}
          {tab === "permit" ? (
            <PermitTab
              projectId={p.id}
              stage={p.stage}
              permitCase={await getProjectPermitCase({ actor, projectId: p.id })}
              canOpen={allowed.permit}
              initial={{ applicant: p.enterpriseName, plannedStartDate: p.plannedStartDate ?? "", floorArea: "" }}
            />
          ) : null}
          {tab === "capital" ? (
            <CapitalIncreases
              projectId={p.id}
              version={p.version}
              items={await listCapitalIncreases({ actor, projectId: p.id })}
              canAdd={allowed.update}
              today={shanghaiToday()}
            />
          ) : null}
          {tab === "incentives" ? <IncentivesTab actor={actor} projectId={p.id} /> : null}
          {tab === "attachments" ? (
            <Attachments
              projectId={p.id}
              items={await listAttachments({ actor, projectId: p.id })}
              canUpload={allowed.attach}
              maxMb={uploadLimitMb()}
            />
          ) : null}
          {tab === "history" ? (
            <AuditHistory
              rows={await entityHistory({
                actor,
                locale: resolveLocale(await getLocale()),
                entityType: "Project",
                entityId: p.id,
              })}
            />
          ) : null}
        </Card>
        <Card title={t("projectPage.stageTitle")}>
          {allowed.move ? (
            <StageMovePanel
              key={p.version}
              projectId={p.id}
              projectName={p.name}
              version={p.version}
              targets={targets}
              signingWeeks={targets.includes("SIGNED") ? await signingWeekRanges() : []}
              defaults={{
                signingDate: p.signingDate,
                contractInvestment: p.contractInvestment,
                creditCode: p.creditCode,
                completionDate: p.completionDate,
                productionDate: p.productionDate,
              }}
            />
          ) : (
            <p className="text-sm text-slate-500">{t("projectPage.readOnly")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
