import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CaseStateBadge, DueCell } from "@/components/permits/badges";
import { CalendarGapWarning } from "@/components/permits/calendar-gap-warning";
import { PermitInbox } from "@/components/permits/inbox";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { calendarGaps } from "@/lib/permits/calendar";
import { listPermitCases, permitInbox } from "@/lib/permits/queries";
import { caseStates } from "@/lib/permits/schemas";
import { permitDepartments } from "@/lib/reference/queries";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits"))("title") };
}

export default async function PermitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("permit.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const query = {
    state: sp.state,
    department: sp.department,
    fastTrack: sp.fastTrack,
    overdue: sp.overdue,
    q: sp.q,
    page: sp.page,
  };
  const [inbox, { result: list, filterError }, departments, gaps] = await Promise.all([
    can(actor.role, "permit.decide") ? permitInbox({ actor }) : Promise.resolve(null),
    listWithFilterNote((q) => listPermitCases({ actor, query: q }), query),
    permitDepartments(),
    can(actor.role, "permit.calendarGaps") ? calendarGaps({ actor }) : Promise.resolve([]),
  ]);
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <div className="space-y-4">
      <PageHeader title={t("permits.title")}>
        {can(actor.role, "permit.report") ? (
          <Link
            href="/permits/report"
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("permits.reportTitle")}
          </Link>
        ) : null}
      </PageHeader>
      <CalendarGapWarning gaps={gaps} canEdit={can(actor.role, "permit.admin")} />
      {inbox ? (
        <PermitInbox
          department={actor.departmentName ?? ""}
          toDecide={inbox.toDecide}
          awaitingCorrection={inbox.awaitingCorrection}
        />
      ) : null}
      <Card title={t("permits.allCases")}>
        <FilterError message={filterError} />
        <form method="get" role="search" className="mb-3 flex flex-wrap gap-2">
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={t("projects.searchPlaceholder")}
            aria-label={t("projects.search")}
            className={`${input} w-56`}
          />
          <select name="state" defaultValue={sp.state ?? ""} aria-label={t("permits.state")} className={input}>
            <option value="">{t("permits.anyState")}</option>
            {caseStates.map((s) => (
              <option key={s} value={s}>
                {t(`permits.caseStates.${s}`)}
              </option>
            ))}
          </select>
          <select
            name="department"
            defaultValue={sp.department ?? ""}
            aria-label={t("permits.department")}
            className={input}
          >
            <option value="">{t("permits.anyDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="fastTrack" value="true" defaultChecked={sp.fastTrack === "true"} />{" "}
            {t("permits.fastTrack")}
          </label>
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="overdue" value="true" defaultChecked={sp.overdue === "true"} />{" "}
            {t("permits.overdue")}
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("common.search")}
          </button>
        </form>
        <SimpleTable
          testId="permit-cases"
          headers={[
            t("projects.name"),
            t("permits.state"),
            t("permits.progressCol"),
            t("permits.started"),
            t("permits.caseDue"),
            t("permits.elapsedCol"),
          ]}
        >
          {list.items.map((c) => (
            <tr key={c.id}>
              <td className="px-3 py-2">
                <Link href={`/permits/${c.id}`} className="text-brand-700 hover:underline">
                  {c.projectName}
                </Link>
                {c.fastTrack ? (
                  <span className="ml-1 rounded bg-fuchsia-100 px-1 text-xs text-fuchsia-800">
                    {t("permits.fastTrack")}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <CaseStateBadge state={c.state} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                {c.approvedCount}/{c.items.length || 7}
              </td>
              <td className="px-3 py-2">{c.startDate ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <DueCell dueDate={c.dueDate} remaining={null} overdue={c.overdue} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                {c.startDate ? t("permits.days", { n: c.elapsedWorkingDays }) : "—"}
              </td>
            </tr>
          ))}
        </SimpleTable>
        {list.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("common.noData")}</p>
        ) : null}
        <Pagination
          basePath="/permits"
          params={{ q: sp.q, state: sp.state, department: sp.department, fastTrack: sp.fastTrack, overdue: sp.overdue }}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
