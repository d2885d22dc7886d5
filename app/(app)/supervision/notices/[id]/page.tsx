import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import {
  AcceptCloseButtons,
  ExtensionDecisionForm,
  ExtensionRequestForm,
  RejectReplyForm,
} from "@/components/supervision/notice-actions";
import { NoticeDue, NoticeStateBadge } from "@/components/supervision/notice-badges";
import { NoticeReplyForm } from "@/components/supervision/notice-reply-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { uploadLimitMb } from "@/lib/attachments/attachments";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { recordLoader } from "@/lib/pages/record-page";
import { noticePage } from "@/lib/supervision/notice-queries";

type Props = { params: Promise<{ id: string }> };

const load = recordLoader(async (id) => noticePage({ actor: await requireActor("supervision.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { notice } = await load((await params).id);
  return { title: `${notice.number} · ${notice.subject}` };
}

export default async function NoticePage({ params }: Props) {
  await requireActor("supervision.read");
  const t = await getTranslations("notices");
  const { notice: n, events, evidence, allowed } = await load((await params).id);
  const ref = { id: n.id, number: n.number, projectName: n.projectName, version: n.version };
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{value ?? "—"}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("title"), href: "/supervision/notices" }, { label: n.number }]} />
        <h1 className="text-xl font-bold text-slate-800" data-testid="notice-title">
          {n.number} · {n.subject}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <NoticeStateBadge state={n.state} />
          <NoticeDue overdue={n.overdue} running={n.running} />
          {n.extension !== "NONE" ? <span className="text-xs">{t(`extensions.${n.extension}`)}</span> : null}
          <Link href={`/projects/${n.projectId}?tab=supervision`} className="text-brand-700 hover:underline">
            {n.projectName} · {n.projectCode}
          </Link>
          <Link
            href={`/supervision/notices/${n.id}/print`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            data-testid="notice-print-link"
          >
            {t("actions.print")}
          </Link>
        </p>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("content")}>
            <dl className="mb-3 grid grid-cols-2 gap-3 md:grid-cols-3">
              {row(t("leader"), n.leaderName)}
              {row(t("owner"), n.ownerName)}
              {row(t("issuedBy"), n.issuedBy)}
              {row(t("issuedAt"), formatDateTime(n.issuedAt))}
              {row(t("replyDue"), `${n.replyDue}（${t("workingDays", { n: n.replyDays })}）`)}
              {row(t("resolveDue"), `${n.resolveDue}（${t("workingDays", { n: n.resolveDays })}）`)}
            </dl>
            <p className="text-sm font-medium">{n.subject}</p>
            <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700" data-testid="notice-content">
              {n.content}
            </p>
          </Card>

          {n.reply || n.attachments.length ? (
            <Card title={t("reply")}>
              <dl className="mb-3 grid grid-cols-2 gap-3 md:grid-cols-3">
                {row(t("repliedBy"), n.repliedBy)}
                {row(t("repliedAt"), n.repliedAt ? formatDateTime(n.repliedAt) : null)}
                {n.replyAcceptedAt
                  ? row(t("acceptedBy"), `${n.replyAcceptedBy ?? ""} ${formatDateTime(n.replyAcceptedAt)}`)
                  : null}
                {n.closedAt ? row(t("closedBy"), `${n.closedBy ?? ""} ${formatDateTime(n.closedAt)}`) : null}
              </dl>
              <p className="text-sm whitespace-pre-wrap" data-testid="notice-reply">
                {n.reply}
              </p>
              <h3 className="mt-3 text-xs font-semibold text-slate-600">{t("evidence")}</h3>
              {n.attachments.length ? (
                <ul className="mt-1 space-y-1 text-sm" data-testid="notice-evidence">
                  {n.attachments.map((a) => (
                    <li key={a.id}>
                      <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${a.id}`}>
                        {a.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-500">{t("noEvidence")}</p>
              )}
            </Card>
          ) : null}

          {n.state === "ISSUED" && n.rejectReason ? (
            <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {t("rejectReason")}：{n.rejectReason}
            </p>
          ) : null}

          {allowed.reply ? (
            <Card title={t("form.replyTitle")}>
              <NoticeReplyForm
                noticeId={n.id}
                projectId={n.projectId}
                version={n.version}
                evidence={evidence}
                maxMb={uploadLimitMb()}
              />
            </Card>
          ) : null}

          {allowed.accept || allowed.close || allowed.reject || allowed.closeBlockedByEvidence ? (
            <Card>
              <div className="space-y-4">
                {allowed.closeBlockedByEvidence ? (
                  <p className="text-sm text-amber-800">{t("form.closeNoEvidence")}</p>
                ) : null}
                <AcceptCloseButtons notice={ref} accept={allowed.accept} close={allowed.close} />
                {allowed.reject ? <RejectReplyForm notice={ref} /> : null}
              </div>
            </Card>
          ) : null}
        </div>

        <div className="space-y-4">
          {n.extension === "REQUESTED" ? (
            <Card title={t("actions.decide")}>
              <p className="mb-2 text-sm">
                {t("form.extensionPending", { days: n.extensionDays ?? 0, reason: n.extensionReason ?? "" })}
              </p>
              {allowed.decideExtension ? <ExtensionDecisionForm notice={ref} /> : null}
            </Card>
          ) : null}
          {allowed.requestExtension ? (
            <Card title={t("form.extensionTitle")}>
              <ExtensionRequestForm notice={ref} />
            </Card>
          ) : null}
          <Card title={t("timeline")}>
            <ol className="space-y-2 text-sm" data-testid="notice-timeline">
              {events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <p className="text-xs text-slate-500">
                    {formatDateTime(e.at)} · {e.by ?? "—"}
                  </p>
                  <p>
                    <span className="font-medium">{t(`events.${e.action}`)}</span>
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
