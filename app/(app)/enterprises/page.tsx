import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listEnterprises } from "@/lib/enterprises/queries";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enterprises"))("title") };
}

export default async function EnterprisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("enterprise.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const query = { q: sp.q, local: sp.local, page: sp.page };
  const { result: list, filterError } = await listWithFilterNote((q) => listEnterprises({ actor, query: q }), query);
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <div>
      <PageHeader title={t("enterprises.title")}>
        {can(actor.role, "enterprise.import") ? (
          <Link
            href="/enterprises/import"
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("enterprises.import")}
          </Link>
        ) : null}
      </PageHeader>
      <FilterError message={filterError} />
      <Card>
        <form method="get" role="search" className="mb-3 flex flex-wrap gap-2">
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={t("enterprises.search")}
            aria-label={t("enterprises.search")}
            className={`${input} w-64`}
          />
          <select name="local" defaultValue={sp.local ?? ""} aria-label={t("enterprises.isLocal")} className={input}>
            <option value="">{t("enterprises.allKinds")}</option>
            <option value="yes">{t("enterprises.local")}</option>
            <option value="no">{t("enterprises.external")}</option>
          </select>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("common.search")}
          </button>
        </form>
        <SimpleTable
          testId="enterprise-list"
          headers={[
            t("enterprises.name"),
            t("enterprises.creditCode"),
            t("enterprises.region"),
            t("enterprises.isLocal"),
            t("enterprises.projects"),
          ]}
        >
          {list.items.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2">
                <Link href={`/enterprises/${e.id}`} className="text-brand-700 hover:underline">
                  {e.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.creditCode ?? "—"}</td>
              <td className="px-3 py-2">{e.region ?? "—"}</td>
              <td className="px-3 py-2">{e.isLocal ? t("enterprises.local") : t("enterprises.external")}</td>
              <td className="px-3 py-2 tabular-nums">{e.projects}</td>
            </tr>
          ))}
        </SimpleTable>
        {list.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("common.noData")}</p>
        ) : null}
        <Pagination
          basePath="/enterprises"
          params={{ q: sp.q, local: sp.local }}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
