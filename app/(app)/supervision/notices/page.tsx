import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NoticeDue, NoticeStateBadge } from "@/components/supervision/notice-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { listWithFilterNote } from "@/lib/pages/filtered-list";
import { noticeStates } from "@/lib/supervision/notice-machine";
import { listNotices } from "@/lib/supervision/notice-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notices"))("title") };
}

/** 督办通知: recipients see theirs, what waits for their reply first; managers see all, newest first. */
export default async function NoticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("supervision.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const params = {
    state: sp.state,
    overdue: sp.overdue,
    mine: sp.mine,
    todo: sp.todo,
    q: sp.q,
    projectId: sp.projectId,
  };
  const { result: list, filterError } = await listWithFilterNote((q) => listNotices({ actor, query: q }), {
    ...params,
    page: sp.page,
  });
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  const check = (name: "overdue" | "mine" | "todo") => (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" name={name} value="true" defaultChecked={sp[name] === "true"} />{" "}
      {t(`notices.filters.${name}`)}
    </label>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("notices.title")} />
      <Card>
        <FilterError message={filterError} />
        <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={t("notices.filters.q")}
            aria-label={t("notices.filters.q")}
            className={`${input} w-56`}
          />
          <select name="state" defaultValue={sp.state ?? ""} aria-label={t("notices.filters.state")} className={input}>
            <option value="">{t("notices.filters.all")}</option>
            {noticeStates.map((s) => (
              <option key={s} value={s}>
                {t(`notices.states.${s}`)}
              </option>
            ))}
          </select>
          {check("todo")}
          {check("overdue")}
          {check("mine")}
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("notices.filters.apply")}
          </button>
          <span className="text-xs text-slate-500">{t("notices.total", { n: list.total })}</span>
        </form>
        <SimpleTable
          testId="notice-list"
          headers={[
            t("notices.number"),
            t("notices.subject"),
            t("notices.project"),
            t("notices.state"),
            t("notices.replyDue"),
            t("notices.resolveDue"),
            t("notices.issuedAt"),
          ]}
        >
          {list.items.map((n) => (
            <tr key={n.id} className={n.overdue.overdue ? "bg-red-50" : undefined} data-testid="notice-row">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/supervision/notices/${n.id}`} className="text-brand-700 hover:underline">
                  {n.number}
                </Link>
                {n.todo ? (
                  <span className="ml-1 rounded bg-amber-500 px-1.5 text-xs text-white">{t("notices.todo")}</span>
                ) : null}
              </td>
              <td className="px-3 py-2">{n.subject}</td>
              <td className="px-3 py-2">
                <Link href={`/projects/${n.projectId}?tab=supervision`} className="hover:underline">
                  {n.projectName}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <NoticeStateBadge state={n.state} /> <NoticeDue overdue={n.overdue} running={null} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{n.replyDue}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{n.resolveDue}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{shanghaiToday(new Date(n.issuedAt))}</td>
            </tr>
          ))}
        </SimpleTable>
        {list.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("notices.empty")}</p>
        ) : null}
        <Pagination
          basePath="/supervision/notices"
          params={params}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
