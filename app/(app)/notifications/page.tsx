import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { resolveLocale } from "@/lib/i18n/config";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("notification.own");
  const t = await getTranslations("notifications");
  const locale = resolveLocale(await getLocale());
  const sp = await searchParams;
  const unreadOnly = sp.unread === "true";
  const { result, filterError } = await listWithFilterNote((query) => listNotifications({ actor, locale, query }), {
    unread: unreadOnly ? "true" : undefined,
    page: sp.page,
  });
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1 text-sm ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <span className="text-sm text-slate-600" data-testid="unread-total">
          {t("unreadCount", { n: result.unread })}
        </span>
      </PageHeader>
      <Card>
        <FilterError message={filterError} />
        <p className="mb-3 text-xs text-slate-500">{t("explain")}</p>
        <div className="mb-3 flex items-center gap-2">
          <Link href="/notifications" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
            {t("all")}
          </Link>
          <Link
            href="/notifications?unread=true"
            className={tab(unreadOnly)}
            aria-current={unreadOnly ? "page" : undefined}
          >
            {t("unreadOnly")}
          </Link>
        </div>
        <NotificationList
          items={result.items}
          unread={result.unread}
          emptyText={unreadOnly ? t("emptyUnread") : t("empty")}
        />
        <Pagination
          basePath="/notifications"
          params={{ unread: unreadOnly ? "true" : undefined }}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </Card>
    </div>
  );
}
