import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { listDeliveries } from "@/lib/notifications/list-deliveries";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("deliveries") };
}

const statusClass: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENT: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
};

/** A robot's delivery log: each message with its outcome and the body sent. */
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const actor = await requireActor("webhook.manage");
  const t = await getTranslations();
  const { id } = await params;
  const sp = await searchParams;
  const { result, filterError } = await listWithFilterNote((query) => listDeliveries({ actor, id, query }), {
    status: sp.status,
    page: sp.page,
  });
  const kindName = (kind: string) =>
    kind === "webhookTest"
      ? t("webhooks.testKind")
      : t.has(`notifications.kindNames.${kind}` as never)
        ? t(`notifications.kindNames.${kind}` as never)
        : t("notifications.generic.plain");
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: t("webhooks.title"), href: "/admin/webhooks" }, { label: result.webhook.name }]} />
      <PageHeader title={t("webhooks.log.title", { name: result.webhook.name })} />
      <Card>
        <FilterError message={filterError} />
        <form method="get" className="mb-3 flex gap-2">
          <select
            name="status"
            defaultValue={sp.status ?? ""}
            aria-label={t("webhooks.log.status")}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          >
            <option value="">{t("webhooks.log.filterAll")}</option>
            {(["PENDING", "SENT", "FAILED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`webhooks.statuses.${s}`)}
              </option>
            ))}
          </select>
          <button className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">{t("common.search")}</button>
          <Link href="/admin/webhooks" className="ml-auto self-center text-sm text-brand-700 hover:underline">
            {t("webhooks.log.back")}
          </Link>
        </form>
        {result.items.length ? (
          <SimpleTable
            testId="deliveries-table"
            headers={[
              t("webhooks.log.time"),
              t("webhooks.log.kind"),
              t("webhooks.log.status"),
              t("webhooks.log.attempts"),
              t("webhooks.log.httpStatus"),
              t("webhooks.log.error"),
              t("webhooks.log.body"),
            ]}
          >
            {result.items.map((d) => (
              <tr key={d.id} data-status={d.status}>
                <td className="whitespace-nowrap px-3 py-2 text-xs">
                  {formatDateTime(d.createdAt)}
                  {d.sentAt ? (
                    <div className="text-slate-500">{t("webhooks.log.sentAt", { time: formatDateTime(d.sentAt) })}</div>
                  ) : null}
                  {d.nextAttemptAt && d.attempts > 0 ? (
                    <div className="text-slate-500">
                      {t("webhooks.log.nextAttempt", { time: formatDateTime(d.nextAttemptAt) })}
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-xs">{kindName(d.kind)}</td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs ${statusClass[d.status]}`}>
                    {t(`webhooks.statuses.${d.status}`)}
                  </span>
                </td>
                <td className="px-3 py-2 text-xs">{d.attempts}</td>
                <td className="px-3 py-2 text-xs">{d.responseStatus ?? "—"}</td>
                <td className="max-w-xs break-words px-3 py-2 text-xs text-red-700">{d.lastError ?? ""}</td>
                <td className="px-3 py-2 text-xs">
                  <details>
                    <summary className="cursor-pointer text-brand-700">{t("webhooks.log.show")}</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-[11px]">
                      {JSON.stringify(d.body, null, 2)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="py-4 text-center text-sm text-slate-500">{t("webhooks.log.none")}</p>
        )}
        <Pagination
          basePath={`/admin/webhooks/${id}`}
          params={{ status: sp.status }}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </Card>
    </div>
  );
}
