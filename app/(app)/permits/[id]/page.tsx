import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ApplicationForm } from "@/components/permits/application-form";
import { CaseStateBadge, DueCell } from "@/components/permits/badges";
import { CaseDocuments } from "@/components/permits/case-documents";
import { SubmitCaseButton } from "@/components/permits/case-actions";
import { CaseItems } from "@/components/permits/case-items";
import { StageBadge } from "@/components/ui/badges";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { recordLoader } from "@/lib/pages/record-page";
import { formatDateTime } from "@/lib/format";
import { listPermitEvents } from "@/lib/permits/timeline";
import { permitCasePage } from "@/lib/permits/queries";
import { listCaseDocuments } from "@/lib/permits/documents";

type Props = { params: Promise<{ id: string }> };

const loadCase = recordLoader(async (id) => permitCasePage({ actor: await requireActor("permit.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("permits");
  return { title: `${(await loadCase((await params).id)).case.projectName} · ${t("caseTitle")}` };
}

export default async function PermitCasePage({
  params,
  searchParams,
}: Props & { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("permit.read");
  const { id } = await params;
  const { item } = await searchParams;
  const t = await getTranslations();
  const page = await loadCase(id);
  const { case: c, allowed } = page;
  const [events, documents] = await Promise.all([
    listPermitEvents({ actor, caseId: id }),
    listCaseDocuments({ actor, caseId: id }),
  ]);
  const today = shanghaiToday();
  const a = c.application;
  // 办理 from the inbox names the item (?item=): its decision form opens, no other. Without
  // one, an approver with a single pending item here gets its form at once.
  const focus =
    typeof item === "string"
      ? allowed.decide.includes(item)
        ? item
        : null
      : allowed.decide.length === 1
        ? allowed.decide[0]
        : null;
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("permits.title"), href: "/permits" }, { label: c.projectName }]} />
        <p className="text-xs text-slate-500">
          <Link href={`/projects/${c.projectId}`} className="font-mono hover:underline">
            {c.projectCode}
          </Link>{" "}
          · {c.enterpriseName}
        </p>
        <h1 className="text-xl font-bold text-slate-800">
          {t("permits.caseTitle")} · {c.projectName}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <CaseStateBadge state={c.state} />
          <StageBadge stage={c.projectStage} />
          {c.fastTrack ? (
            <span className="rounded bg-fuchsia-100 px-2 py-0.5 text-xs text-fuchsia-800">
              {t("permits.fastTrack")}
            </span>
          ) : null}
          {c.startDate ? (
            <span>
              {t("permits.started")} {c.startDate}
            </span>
          ) : null}
          {c.dueDate ? (
            <span>
              {t("permits.caseDue")} <DueCell dueDate={c.dueDate} remaining={null} overdue={c.overdue} />
            </span>
          ) : null}
          {c.startDate ? (
            <span data-testid="case-elapsed">{t("permits.elapsed", { n: c.elapsedWorkingDays })}</span>
          ) : null}
          <span data-testid="case-progress">
            {t("permits.progress", { n: c.approvedCount, total: c.items.length || 7 })}
          </span>
        </p>
      </div>

      {c.items.length ? (
        <Card title={t("permits.items")}>
          <CaseItems
            c={c}
            decide={allowed.decide}
            resubmit={allowed.resubmit}
            focus={focus}
            documents={documents}
            today={today}
          />
        </Card>
      ) : null}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={<span id="application">{t("permits.applicationTitle")}</span>}>
          {allowed.edit ? (
            <ApplicationForm
              mode="edit"
              caseId={c.id}
              version={c.version}
              fastTrackLocked={!allowed.changeFastTrack}
              initial={{
                ...a,
                floorArea: a.floorArea ?? "",
                plannedStartDate: a.plannedStartDate ?? "",
                fastTrack: c.fastTrack,
              }}
            />
          ) : (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm" data-testid="application">
              {(Object.keys(a) as (keyof typeof a)[]).map((k) => (
                <div key={k}>
                  <dt className="text-xs text-slate-500">{t(`permits.application.${k}`)}</dt>
                  <dd>{a[k] || "—"}</dd>
                </div>
              ))}
            </dl>
          )}
          {allowed.submit ? (
            <div className="mt-4">
              <SubmitCaseButton caseId={c.id} version={c.version} />
            </div>
          ) : null}
        </Card>
        <div className="space-y-4">
          {/* An approver deciding reads the documents beside the decision form. */}
          {focus ? null : (
            <Card title={t("permits.documents")}>
              <CaseDocuments caseId={c.id} items={documents} canUpload={allowed.addDocument} />
            </Card>
          )}
          <Card title={t("permits.timeline")}>
            <ol className="space-y-2 text-sm" data-testid="case-timeline">
              {events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <p className="text-xs text-slate-500">
                    {formatDateTime(e.at)} · {e.by}
                  </p>
                  <p>
                    <span className="font-medium">{t(`permits.events.${e.type}`)}</span>
                    {e.permitTypeName ? <span> · {e.permitTypeName}</span> : null}
                    {e.note ? <span className="text-slate-600"> · {e.note}</span> : null}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </div>
  );
}
