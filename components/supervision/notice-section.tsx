import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can, type Actor } from "@/lib/auth/permissions";
import { resolveLocale } from "@/lib/i18n/config";
import { listNotices } from "@/lib/supervision/notice-queries";
import { noticeTemplate } from "@/lib/supervision/notice-template";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { NoticeDue, NoticeStateBadge } from "./notice-badges";
import { IssueNoticeForm } from "./notice-issue-form";

/**
 * The project's 督办通知 on its 督办 tab: the notices the reader may see (overdue marked), and
 * for managers the issue form, started from the template (the colour's reasons).
 */
export async function NoticeSection({ actor, projectId }: { actor: Actor; projectId: string }) {
  if (!can(actor.role, "supervision.read")) return null;
  const t = await getTranslations("notices");
  const manager = can(actor.role, "notice.manage");
  const [list, template] = await Promise.all([
    listNotices({ actor, query: { projectId, pageSize: 200 } }),
    manager ? noticeTemplate({ actor, projectId, locale: resolveLocale(await getLocale()) }) : Promise.resolve(null),
  ]);
  return (
    <Card title={t("section.title")}>
      <div className="space-y-4" data-testid="notice-section">
        {list.items.length ? (
          <SimpleTable headers={[t("number"), t("subject"), t("state"), t("replyDue"), t("resolveDue")]}>
            {list.items.map((n) => (
              <tr key={n.id} className={n.overdue.overdue ? "bg-red-50" : undefined}>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <Link href={`/supervision/notices/${n.id}`} className="text-brand-700 hover:underline">
                    {n.number}
                  </Link>
                </td>
                <td className="px-3 py-1.5">{n.subject}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <NoticeStateBadge state={n.state} /> <NoticeDue overdue={n.overdue} running={null} />
                </td>
                <td className="px-3 py-1.5 tabular-nums">{n.replyDue}</td>
                <td className="px-3 py-1.5 tabular-nums">{n.resolveDue}</td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="text-sm text-slate-500">{t("section.none")}</p>
        )}
        {template ? (
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700" data-testid="issue-notice-toggle">
              {t("form.issueTitle")}
            </summary>
            <div className="mt-3">
              <IssueNoticeForm template={template} />
            </div>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
