import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeleteDayButton } from "@/components/permits/admin-forms";
import { CalendarEditor } from "@/components/permits/calendar-editor";
import { CalendarGapWarning } from "@/components/permits/calendar-gap-warning";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { FilterError } from "@/components/ui/filter-error";
import { calendarGaps, listCalendarDays } from "@/lib/permits/calendar";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits.admin"))("calendarTitle") };
}

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("permit.admin");
  const t = await getTranslations("permits.admin");
  const [
    {
      result: { year, items: days },
      filterError,
    },
    gaps,
  ] = await Promise.all([
    listWithFilterNote((q) => listCalendarDays({ actor, query: q }), await searchParams),
    calendarGaps({ actor }),
  ]);
  const yearLink = (y: number) => (
    <Link href={`/admin/calendar?year=${y}`} className="rounded border border-slate-300 bg-white px-3 py-1">
      {y}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={`${t("calendarTitle")} · ${year}`}>
        <span className="flex gap-2 text-sm">
          {yearLink(year - 1)}
          {yearLink(year + 1)}
        </span>
      </PageHeader>
      <FilterError message={filterError} />
      <CalendarGapWarning gaps={gaps} canEdit />
      <Card title={t("periodsTitle")}>
        <p className="mb-3 text-xs text-slate-500">{t("calendarExplain")}</p>
        {/* Not keyed by year: rows read from a notice stay while the admin turns to their year. */}
        <CalendarEditor year={year} stored={days} />
      </Card>
      <Card>
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">
            {t("daysList", { n: days.length })}
          </summary>
          <div className="mt-3">
            <SimpleTable testId="calendar-days" headers={[t("date"), t("kind"), t("dayName"), ""]}>
              {days.map((d) => (
                <tr key={d.date}>
                  <td className="px-3 py-1.5 font-mono text-xs">{d.date}</td>
                  <td className={`px-3 py-1.5 ${d.kind === "HOLIDAY" ? "text-red-700" : "text-amber-800"}`}>
                    {t(`kinds.${d.kind}`)}
                  </td>
                  <td className="px-3 py-1.5">{d.name}</td>
                  <td className="px-3 py-1.5">
                    <DeleteDayButton date={d.date} />
                  </td>
                </tr>
              ))}
            </SimpleTable>
            {days.length === 0 ? <p className="py-4 text-center text-sm text-slate-500">{t("noDays")}</p> : null}
          </div>
        </details>
      </Card>
    </div>
  );
}
