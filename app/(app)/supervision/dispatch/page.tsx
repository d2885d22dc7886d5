import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/ui/badges";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { FilterError } from "@/components/ui/filter-error";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { listWithFilterNote } from "@/lib/pages/filtered-list";
import { dispatchOverview, groupUnreported, type UnreportedProject } from "@/lib/supervision/dispatch-overview";

type Props = { searchParams: Promise<{ date?: string; by?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dispatch");
  return { title: t("title") };
}

/** 日调度: who has not reported on the day and in its week, by owner or by leader in charge. */
export default async function DispatchPage({ searchParams }: Props) {
  const actor = await requireActor("dispatch.overview");
  const t = await getTranslations();
  const sp = await searchParams;
  const by = sp.by === "leader" ? "leader" : "owner";
  // A bad date in a shared link is named above the lists, which then show today.
  const { result: o, filterError } = await listWithFilterNote(
    (q) => dispatchOverview({ actor, today: typeof q.date === "string" && q.date ? q.date : undefined }),
    { date: sp.date },
  );
  const link = (b: string) => `/supervision/dispatch?date=${o.date}&by=${b}`;
  return (
    <div className="space-y-4">
      <PageHeader title={t("dispatch.title")}>
        <form className="flex items-end gap-2" method="get">
          <label className="text-xs text-slate-600">
            {t("dispatch.date")}
            <input type="date" name="date" defaultValue={o.date} className={`${inputClass} mt-0.5`} />
          </label>
          <input type="hidden" name="by" value={by} />
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("dispatch.show")}
          </button>
        </form>
      </PageHeader>
      <FilterError message={filterError} />
      <p className="text-sm text-slate-600" data-testid="dispatch-explain">
        {t("dispatch.explain", { year: o.year, n: o.underDispatch })}
      </p>
      <nav className="flex gap-2 text-sm" aria-label={t("fields.dispatch.by")}>
        {(["owner", "leader"] as const).map((b) => (
          <Link
            key={b}
            href={link(b)}
            aria-current={b === by ? "page" : undefined}
            className={`rounded px-3 py-1 ${b === by ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"}`}
          >
            {t(b === "owner" ? "dispatch.byOwner" : "dispatch.byLeader")}
          </Link>
        ))}
      </nav>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Unreported
          testId="dispatch-not-today"
          title={`${t("dispatch.notToday")} · ${o.date} · ${t("dispatch.count", { n: o.notToday.length })}`}
          items={o.notToday}
          by={by}
        />
        <Unreported
          testId="dispatch-not-week"
          title={`${t("dispatch.notThisWeek")} · ${t("dispatch.week", { monday: o.monday, sunday: o.sunday })} · ${t("dispatch.count", { n: o.notThisWeek.length })}`}
          items={o.notThisWeek}
          by={by}
        />
      </div>
    </div>
  );
}

async function Unreported({
  title,
  items,
  by,
  testId,
}: {
  title: string;
  items: UnreportedProject[];
  by: "owner" | "leader";
  testId: string;
}) {
  const t = await getTranslations();
  return (
    <Card title={title}>
      <div data-testid={testId} className="space-y-4">
        {items.length === 0 ? <p className="text-sm text-emerald-700">{t("dispatch.allReported")}</p> : null}
        {groupUnreported(items, by).map((g) => (
          <div key={g.id} data-testid="dispatch-group">
            <h3 className="mb-1 text-sm font-semibold text-slate-700">
              {g.name} · {t("dispatch.count", { n: g.items.length })}
            </h3>
            <SimpleTable
              headers={[
                t("dispatch.project"),
                t("dispatch.stage"),
                t(by === "owner" ? "dispatch.leader" : "dispatch.owner"),
                t("dispatch.lastDate"),
              ]}
            >
              {g.items.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-1.5">
                    <Link className="text-brand-700 hover:underline" href={`/projects/${p.id}?tab=supervision`}>
                      {p.name}
                    </Link>
                    <span className="ml-2 font-mono text-xs text-slate-500">{p.code}</span>
                  </td>
                  <td className="px-3 py-1.5">
                    <StageBadge stage={p.stage} />
                  </td>
                  <td className="px-3 py-1.5">{by === "owner" ? p.leaderName : p.ownerName}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{p.lastDate ?? t("dispatch.never")}</td>
                </tr>
              ))}
            </SimpleTable>
          </div>
        ))}
      </div>
    </Card>
  );
}
