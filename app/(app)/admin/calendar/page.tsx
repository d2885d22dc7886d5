import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CalendarDayForm, DeleteDayButton } from "@/components/permits/admin-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { FilterError } from "@/components/ui/filter-error";
import { listCalendarDays } from "@/lib/permits/calendar";
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
  const {
    result: { year, items: days },
    filterError,
  } = await listWithFilterNote((q) => listCalendarDays({ actor, query: q }), await searchParams);
  return (
    <div>
      <PageHeader title={`${t("calendarTitle")} · ${year}`}>
        <span className="flex gap-2 text-sm">
          <Link
            href={`/admin/calendar?year=${year - 1}`}
            className="rounded border border-slate-300 bg-white px-3 py-1"
          >
            {year - 1}
          </Link>
          <Link
            href={`/admin/calendar?year=${year + 1}`}
            className="rounded border border-slate-300 bg-white px-3 py-1"
          >
            {year + 1}
          </Link>
        </span>
      </PageHeader>
      <FilterError message={filterError} />
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("calendarExplain")}</p>
        <CalendarDayForm />
        <div className="mt-4">
          <SimpleTable testId="calendar-days" headers={[t("date"), t("kind"), t("dayName"), ""]}>
            {days.map((d) => (
              <tr key={d.date}>
                <td className="px-3 py-1.5 font-mono text-xs">{d.date}</td>
                <td className={`px-3 py-1.5 ${d.kind === "HOLIDAY" ? "text-red-700" : "text-emerald-700"}`}>
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
      </Card>
    </div>
  );
}
