import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProblemLevelBadge, ProblemMarks, ProblemStateBadge } from "@/components/problems/problem-badges";
import { EditProblemForm, EscalateForm, StartButton, TransitionForm } from "@/components/problems/problem-actions";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { recordLoader } from "@/lib/pages/record-page";
import { problemPage } from "@/lib/problems/problem-queries";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) =>
  problemPage({ actor: await requireActor("problem.read"), id, locale: resolveLocale(await getLocale()) }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { problem } = await load((await params).id);
  return { title: problem.title };
}

/** One problem: its state and level (三级调度), details, timeline in words, and what the reader may do. */
export default async function ProblemPage({ params }: Props) {
  await requireActor("problem.read");
  const t = await getTranslations("problems");
  const { problem: p, allowed, departments } = await load((await params).id);
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{value ?? "—"}</dd>
    </div>
  );
  const working = allowed.start || allowed.resolve || allowed.closeUnresolved || allowed.reopen;
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("title"), href: "/supervision/problems" }, { label: p.title }]} />
        <h1 className="text-xl font-bold text-slate-800" data-testid="problem-title">
          {p.title}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ProblemLevelBadge level={p.level} />
          <ProblemStateBadge state={p.state} />
          <ProblemMarks overdue={p.overdue} proposed={!!p.escalationProposedAt} />
          <Link href={`/projects/${p.projectId}?tab=supervision`} className="text-brand-700 hover:underline">
            {p.projectName} · {p.projectCode}
          </Link>
        </p>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("detail.title")}>
            <dl className="mb-3 grid grid-cols-2 gap-3 md:grid-cols-3">
              {row(t("columns.category"), t(`categories.${p.category}`))}
              {row(t("columns.department"), p.department.name)}
              {row(t("columns.level"), t(`levelNames.${p.level}` as never))}
              {row(t("columns.dueDate"), p.dueDate)}
              {row(t("columns.raisedBy"), p.raisedBy)}
              {row(t("columns.createdAt"), formatDateTime(p.createdAt))}
              {row(t("detail.levelSince"), formatDateTime(p.levelSince))}
            </dl>
            {p.description ? <p className="text-sm whitespace-pre-wrap text-slate-700">{p.description}</p> : null}
            {p.resolution ? (
              <p className="mt-2 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
                {t("form.resolution")}：{p.resolution}
              </p>
            ) : null}
            {p.state === "CLOSED_UNRESOLVED" && p.closeReason ? (
              <p className="mt-2 rounded bg-slate-100 px-3 py-2 text-sm">
                {t("detail.closeReason")}：{p.closeReason}
              </p>
            ) : null}
            {p.attachments.length ? (
              <div className="mt-3 text-sm">
                <p className="text-xs text-slate-500">{t("detail.attachments")}</p>
                <ul data-testid="problem-attachments">
                  {p.attachments.map((a) => (
                    <li key={a.id}>
                      <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${a.id}`}>
                        {a.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>

          {working ? (
            <Card title={t("detail.work")}>
              <div className="space-y-4">
                {allowed.start ? <StartButton problem={p} /> : null}
                {allowed.resolve ? <TransitionForm problem={p} to="RESOLVED" /> : null}
                {allowed.closeUnresolved ? <TransitionForm problem={p} to="CLOSED_UNRESOLVED" /> : null}
                {allowed.reopen ? <TransitionForm problem={p} to="OPEN" /> : null}
              </div>
            </Card>
          ) : null}

          {allowed.edit ? (
            <Card>
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("actions.edit")}</summary>
                <div className="mt-3">
                  <EditProblemForm problem={p} departments={departments} />
                </div>
              </details>
            </Card>
          ) : null}
        </div>

        <div className="space-y-4">
          {allowed.escalate ? (
            <Card title={t("detail.escalate")}>
              <EscalateForm problem={p} />
            </Card>
          ) : p.escalationProposedAt ? (
            <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("form.proposedHint")}</p>
          ) : null}
          <Card title={t("detail.timeline")}>
            <ol className="space-y-2 text-sm" data-testid="problem-timeline">
              {p.timeline.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <div className="text-xs text-slate-500">{formatDateTime(e.at)}</div>
                  <div className="whitespace-pre-wrap">{e.text}</div>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </div>
  );
}
