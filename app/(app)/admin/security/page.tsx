import { SimpleTable } from "@/components/ui/simple-table";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { listSecurityEvents } from "@/lib/security/queries";
import { securityEventTypes } from "@/lib/security/schemas";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("securityLog.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const query = { type: sp.type, username: sp.username, page: sp.page };
  const { result: events, filterError } = await listWithFilterNote(
    (q) => listSecurityEvents({ actor, query: q }),
    query,
  );
  return (
    <div>
      <PageHeader title={t("security.title")} />
      <Card>
        <FilterError message={filterError} />
        <form method="get" className="mb-3 flex flex-wrap gap-2" role="search">
          <select
            name="type"
            defaultValue={sp.type ?? ""}
            aria-label={t("security.type")}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            <option value="">{t("common.all")}</option>
            {securityEventTypes.map((type) => (
              <option key={type} value={type}>
                {t(`security.types.${type}`)}
              </option>
            ))}
          </select>
          <input
            name="username"
            defaultValue={sp.username ?? ""}
            placeholder={t("security.username")}
            aria-label={t("security.username")}
            className="w-48 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">{t("common.search")}</button>
        </form>
        <SimpleTable
          headers={[
            t("security.time"),
            t("security.type"),
            t("security.username"),
            t("security.ip"),
            t("security.path"),
            t("security.detail"),
          ]}
          testId="security-table"
        >
          {events.items.map((e) => (
            <tr key={e.id} data-type={e.type}>
              <td className="whitespace-nowrap px-3 py-1.5 text-xs">{formatDateTime(e.createdAt)}</td>
              <td className={`px-3 py-1.5 ${e.type === "LOGIN_SUCCESS" || e.type === "LOGOUT" ? "" : "text-red-700"}`}>
                {t(`security.types.${e.type}`)}
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.username ?? "—"}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.ip ?? "—"}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.path ?? "—"}</td>
              <td className="px-3 py-1.5 text-xs text-slate-500">{e.detail ?? ""}</td>
            </tr>
          ))}
        </SimpleTable>
        <Pagination
          basePath="/admin/security"
          params={{ type: sp.type, username: sp.username }}
          page={events.page}
          pageSize={events.pageSize}
          total={events.total}
        />
      </Card>
    </div>
  );
}
