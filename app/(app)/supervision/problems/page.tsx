import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProblemLevelBadge, ProblemMarks, ProblemStateBadge } from "@/components/problems/problem-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { Pagination } from "@/components/ui/pagination";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { listWithFilterNote } from "@/lib/pages/filtered-list";
import { problemCategories, problemLevels, problemStates } from "@/lib/problems/problem-machine";
import { listProblems, problemDepartments } from "@/lib/problems/problem-queries";
import { problemStats } from "@/lib/problems/problem-stats";
import { problemSorts } from "@/lib/problems/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("problems"))("title") };
}

/** 要素保障: the problems the reader may see, filtered and paged on the server, with 累计解决问题 N 个 and the export. */
export default async function ProblemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("problem.read");
  const t = await getTranslations();
  const sp = await searchParams;
  const params = {
    category: sp.category,
    department: sp.department,
    level: sp.level,
    state: sp.state,
    overdue: sp.overdue,
    proposed: sp.proposed,
    projectId: sp.projectId,
    q: sp.q,
    sort: sp.sort,
  };
  const { result: list, filterError } = await listWithFilterNote((q) => listProblems({ actor, query: q }), {
    ...params,
    page: sp.page,
  });
  const [stats, departments] = await Promise.all([
    listWithFilterNote((q) => problemStats({ actor, query: q }), params),
    problemDepartments(),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  const input = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  const select = (name: keyof typeof params, options: { value: string; label: string }[], label: string) => (
    <select name={name} defaultValue={sp[name] ?? ""} aria-label={label} className={input}>
      <option value="">{label}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const check = (name: "overdue" | "proposed") => (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" name={name} value="true" defaultChecked={sp[name] === "true"} />{" "}
      {t(`problems.filters.${name}`)}
    </label>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("problems.title")}>
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-700" data-testid="problems-resolved">
            {t("problems.resolvedTotal", { n: stats.result.resolved })}
          </span>
          <a
            href={`/api/v1/problems/export${exportQuery ? `?${exportQuery}` : ""}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            data-testid="problems-export"
          >
            {t("problems.actions.export")}
          </a>
        </div>
      </PageHeader>
      <Card>
        <FilterError message={filterError} />
        <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={t("problems.filters.q")}
            aria-label={t("problems.filters.q")}
            className={`${input} w-56`}
          />
          {select(
            "category",
            problemCategories.map((c) => ({ value: c, label: t(`problems.categories.${c}`) })),
            t("problems.filters.category"),
          )}
          {select(
            "department",
            departments.map((d) => ({ value: d.code, label: d.name })),
            t("problems.filters.department"),
          )}
          {select(
            "level",
            problemLevels.map((l) => ({ value: String(l), label: t(`problems.levels.${l}`) })),
            t("problems.filters.level"),
          )}
          {select(
            "state",
            [
              { value: "ACTIVE", label: t("problems.list.active") },
              ...problemStates.map((s) => ({ value: s, label: t(`problems.states.${s}`) })),
            ],
            t("problems.filters.state"),
          )}
          {select(
            "sort",
            problemSorts.map((s) => ({ value: s, label: t(`problems.sorts.${s}`) })),
            t("problems.filters.sort"),
          )}
          {check("overdue")}
          {check("proposed")}
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("problems.filters.apply")}
          </button>
          <span className="text-xs text-slate-500">{t("problems.total", { n: list.total })}</span>
        </form>
        <SimpleTable
          testId="problem-list"
          headers={[
            t("problems.columns.title"),
            t("problems.columns.project"),
            t("problems.columns.category"),
            t("problems.columns.department"),
            t("problems.columns.level"),
            t("problems.columns.state"),
            t("problems.columns.dueDate"),
          ]}
        >
          {list.items.map((p) => (
            <tr key={p.id} className={p.overdue ? "bg-red-50" : undefined} data-testid="problem-row">
              <td className="px-3 py-2">
                <Link href={`/supervision/problems/${p.id}`} className="text-brand-700 hover:underline">
                  {p.title}
                </Link>
              </td>
              <td className="px-3 py-2">
                <Link href={`/projects/${p.projectId}?tab=supervision`} className="hover:underline">
                  {p.projectName}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`problems.categories.${p.category}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{p.department.name}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <ProblemLevelBadge level={p.level} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <ProblemStateBadge state={p.state} />{" "}
                <ProblemMarks overdue={p.overdue} proposed={!!p.escalationProposedAt} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{p.dueDate}</td>
            </tr>
          ))}
        </SimpleTable>
        {list.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("problems.empty")}</p>
        ) : null}
        <Pagination
          basePath="/supervision/problems"
          params={params}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
        />
      </Card>
    </div>
  );
}
