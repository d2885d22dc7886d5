import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { GenerateBulletinForm } from "@/components/bulletins/generate-bulletin-form";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listBulletins } from "@/lib/bulletins/queries";
import { issueOf, previousWeek, type Week } from "@/lib/bulletins/week";
import { shanghaiToday } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("title") };
}

/** 周通报: the filed bulletins, newest week first; managers generate one for an ended week or preview this week. */
export default async function BulletinsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("bulletin.read");
  const t = await getTranslations("bulletins");
  const sp = await searchParams;
  const { result: list, filterError } = await listWithFilterNote((q) => listBulletins({ actor, query: q }), {
    page: sp.page,
  });
  const manager = can(actor.role, "bulletin.generate");
  // The ended weeks a manager may choose: last week first, half a year back.
  const weeks: Week[] = [];
  for (let w = previousWeek(shanghaiToday()); weeks.length < 26; w = previousWeek(w.weekStart)) weeks.push(w);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {manager ? (
          <Link
            href="/supervision/bulletins/preview"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            data-testid="bulletin-preview-link"
          >
            {t("previewCurrent")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="text-sm text-slate-600">{t("explain")}</p>
      {manager ? (
        <Card title={t("generate")}>
          <GenerateBulletinForm weeks={weeks} />
        </Card>
      ) : null}
      <Card>
        <FilterError message={filterError} />
        <SimpleTable
          testId="bulletin-list"
          headers={[t("week"), t("cols.revision"), t("generatedAt"), t("generatedBy"), ""]}
        >
          {list.items.map((b) => {
            const issue = issueOf(b.weekStart);
            return (
              <tr key={b.id} data-testid="bulletin-row">
                <td className="px-3 py-2">
                  <Link href={`/supervision/bulletins/${b.id}`} className="text-brand-700 hover:underline">
                    {t("issue", { year: issue.year, n: issue.n })} ·{" "}
                    {t("weekRange", { from: b.weekStart, to: b.weekEnd })}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{t("revision", { revision: b.revision })}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDateTime(b.generatedAt)}</td>
                <td className="px-3 py-2">{b.generatedBy ? b.generatedBy.name : t("byJob")}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <a href={`/api/v1/bulletins/${b.id}/export`} className="text-brand-700 hover:underline">
                    {t("exportButton")}
                  </a>
                </td>
              </tr>
            );
          })}
        </SimpleTable>
        {list.items.length === 0 ? <p className="py-6 text-center text-sm text-slate-500">{t("listEmpty")}</p> : null}
        <Pagination
          basePath="/supervision/bulletins"
          params={{}}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
