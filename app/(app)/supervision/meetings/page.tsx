import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { mayReadMeetings } from "@/lib/meetings/meeting-load";
import { meetingKinds } from "@/lib/meetings/meeting-machine";
import { listMeetings } from "@/lib/meetings/meeting-queries";
import { meetingTimeText } from "@/lib/meetings/meeting-time";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

/** 调度会议: planned ones first (soonest first), then the held ones; managers schedule new ones. */
export default async function MeetingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  let actor = await requireActor();
  if (!mayReadMeetings(actor)) actor = await requireActor("meeting.read");
  const t = await getTranslations("meetings");
  const sp = await searchParams;
  const params = { kind: sp.kind };
  const { result: list, filterError } = await listWithFilterNote((q) => listMeetings({ actor, query: q }), {
    ...params,
    page: sp.page,
  });
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {can(actor.role, "meeting.manage") ? (
          <Link
            href="/supervision/meetings/new"
            className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800"
            data-testid="new-meeting"
          >
            {t("list.new")}
          </Link>
        ) : null}
      </PageHeader>
      <Card>
        <FilterError message={filterError} />
        <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
          <select name="kind" defaultValue={sp.kind ?? ""} aria-label={t("list.kind")} className={input}>
            <option value="">{t("list.allKinds")}</option>
            {meetingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("list.filter")}
          </button>
          <span className="text-xs text-slate-500">{t("list.total", { n: list.total })}</span>
        </form>
        <SimpleTable
          testId="meeting-list"
          headers={[t("list.time"), t("list.title"), t("list.kind"), t("list.chair"), t("list.items"), t("list.state")]}
        >
          {list.items.map((m) => (
            <tr key={m.id} data-testid="meeting-row">
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{meetingTimeText(m.startsAt)}</td>
              <td className="px-3 py-2">
                <Link href={`/supervision/meetings/${m.id}`} className="text-brand-700 hover:underline">
                  {m.title}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`kinds.${m.kind}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{m.chair.name}</td>
              <td className="px-3 py-2 tabular-nums">{m.itemCount}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <span
                  className={`rounded px-1.5 text-xs ${m.state === "CLOSED" ? "bg-slate-200" : "bg-emerald-100 text-emerald-800"}`}
                >
                  {t(`states.${m.state}`)}
                </span>
              </td>
            </tr>
          ))}
        </SimpleTable>
        {list.items.length === 0 ? <p className="py-6 text-center text-sm text-slate-500">{t("list.empty")}</p> : null}
        <Pagination
          basePath="/supervision/meetings"
          params={params}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
