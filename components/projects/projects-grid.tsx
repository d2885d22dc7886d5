"use client";
import { ChainLinkOptions } from "@/components/chains/link-options";
import type { SortingState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { DataTable } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/field";
import { stages, warningStates } from "@/lib/projects/stages";
import type { ProjectListItem } from "@/lib/projects/queries";
import type { ProjectReferenceData } from "@/lib/reference/queries";
import { hiddenColumns, hideableColumns, noneHidden, projectColumns } from "./columns";
import { ExportButton } from "./export-button";
import { SavedViews } from "./saved-views";

export type GridParams = Record<string, string | undefined>;

/** The filters of the first row; the others fold behind 更多筛选 (open while one of them is set). */
const mainFilterKeys = ["q", "stage", "industry", "owner", "leader"] as const;
const moreFilterKeys = [
  "chain",
  "link",
  "park",
  "warning",
  "key",
  "stalled",
  "minInvestment",
  "maxInvestment",
  "signedFrom",
  "signedTo",
  "updatedFrom",
  "updatedTo",
] as const;
const filterKeys = [...mainFilterKeys, ...moreFilterKeys] as const;
/** Days without an activity the 未跟进 filter offers. */
const stalledChoices = [30, 60, 90];

export function toQuery(params: GridParams) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  return qs.toString();
}

type Props = {
  items: ProjectListItem[];
  total: number;
  page: number;
  pageSize: number;
  params: GridParams;
  refs: ProjectReferenceData;
  views: { id: string; name: string; query: string }[];
  canCreate: boolean;
  canImport: boolean;
  /** 只看我的 is offered (the reader owns or leads projects). */
  canFilterMine: boolean;
  error?: string;
  /** The import whose projects the view is limited to (`importJob=`), by its file and time. */
  importBatch?: string | null;
  /** The dashboard's filters in words (首次进入签约 …, 招商渠道), each removable: [URL keys, words]. */
  reportFilters?: { keys: string[]; words: string }[];
};

export function ProjectsGrid({
  items,
  total,
  page,
  pageSize,
  params,
  refs,
  views,
  canCreate,
  canImport,
  canFilterMine,
  error,
  importBatch,
  reportFilters = [],
}: Props) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const [showColumns, setShowColumns] = useState(false);
  const [showMore, setShowMore] = useState(() => moreFilterKeys.some((k) => params[k]));
  const columns = useMemo(() => projectColumns((k, params) => t(k as never, params as never)), [t]);
  const hidden = hiddenColumns(params.hide);
  const columnVisibility = Object.fromEntries(hideableColumns.map((c) => [c, !hidden.has(c)]));
  const sorting: SortingState = [{ id: params.sort ?? "updatedAt", desc: (params.order ?? "desc") === "desc" }];
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const mine = params.mine === "1" || params.mine === "true";
  const moreSet = moreFilterKeys.filter((k) => params[k]).length;
  const go = (next: GridParams) => start(() => router.push(`${pathname}?${toQuery(next)}`));
  const set = (patch: GridParams) => go({ ...params, ...patch, page: undefined });

  function onFilter(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next: GridParams = {
      sort: params.sort,
      order: params.order,
      pageSize: params.pageSize,
      hide: params.hide,
      mine: params.mine,
      importJob: params.importJob,
      entered: params.entered,
      enteredFrom: params.enteredFrom,
      enteredTo: params.enteredTo,
      channel: params.channel,
    };
    for (const k of filterKeys) next[k] = String(form.get(k) ?? "").trim() || undefined;
    go(next);
  }

  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <label className="text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={params[name] ?? ""} className={`${inputClass} mt-0.5 min-w-28`}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const field = (name: (typeof filterKeys)[number], type: "text" | "date") => (
    <label className="text-xs text-slate-600">
      {t(`projects.${name}`)}
      <input
        type={type}
        name={name}
        inputMode={type === "text" ? "decimal" : undefined}
        defaultValue={params[name] ?? ""}
        className={`${inputClass} mt-0.5`}
      />
    </label>
  );

  return (
    <div className="space-y-3" aria-busy={pending}>
      {canFilterMine ? (
        <div className="flex items-center gap-2 text-sm" role="group" aria-label={t("projects.mineGroup")}>
          <button
            type="button"
            aria-pressed={mine}
            onClick={() => set({ mine: mine ? "0" : "1" })}
            className={`rounded-full border px-3 py-1 ${
              mine
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
            }`}
            data-testid="mine-toggle"
          >
            {t("projects.mineOnly")}
          </button>
          <span className="text-xs text-slate-500">{t(mine ? "projects.mineExplain" : "projects.allExplain")}</span>
        </div>
      ) : null}
      <form onSubmit={onFilter} role="search" className="space-y-2" data-testid="project-filters" key={toQuery(params)}>
        <div className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-8">
          <label className="col-span-2 text-xs text-slate-600">
            {t("projects.search")}
            <input
              name="q"
              defaultValue={params.q ?? ""}
              placeholder={t("projects.searchPlaceholder")}
              className={`${inputClass} mt-0.5`}
            />
          </label>
          {select(
            "stage",
            t("projects.stage"),
            stages.map((s) => ({ value: s, label: t(`stages.${s}`) })),
          )}
          {select(
            "industry",
            t("projects.industry"),
            refs.industries.map((o) => ({ value: o.code!, label: o.label })),
          )}
          {select(
            "owner",
            t("projects.owner"),
            refs.owners.map((o) => ({ value: o.code!, label: o.label })),
          )}
          {select(
            "leader",
            t("projects.leader"),
            refs.leaders.map((o) => ({ value: o.code!, label: o.label })),
          )}
          <div className="col-span-2 flex items-end gap-2">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
              {t("common.search")}
            </button>
            <Link href={pathname} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
              {t("common.reset")}
            </Link>
            <button
              type="button"
              onClick={() => setShowMore((v) => !v)}
              aria-expanded={showMore}
              aria-controls="more-filters"
              className="px-2 py-1.5 text-sm text-brand-700 hover:underline"
              data-testid="more-filters-toggle"
            >
              {t("projects.moreFilters")}
              {moreSet ? ` (${moreSet})` : ""} {showMore ? "▴" : "▾"}
            </button>
          </div>
        </div>
        {/* Folded, not removed: the form still sends these values. */}
        <div
          id="more-filters"
          hidden={!showMore}
          className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-2 md:grid-cols-4 xl:grid-cols-8"
          data-testid="more-filters"
        >
          {select(
            "chain",
            t("projects.chain"),
            refs.chains.map((c) => ({ value: c.id, label: c.label })),
          )}
          <label className="text-xs text-slate-600">
            {t("projects.link")}
            <select name="link" defaultValue={params.link ?? ""} className={`${inputClass} mt-0.5 min-w-28`}>
              <option value="">{t("common.all")}</option>
              <ChainLinkOptions chains={refs.chains} />
            </select>
          </label>
          {select(
            "park",
            t("projects.park"),
            refs.parks.map((o) => ({ value: o.code!, label: o.label })),
          )}
          {select(
            "warning",
            t("projects.warning"),
            warningStates.map((w) => ({ value: w, label: t(`warnings.${w}`) })),
          )}
          {select("key", t("projects.keyProject"), [
            { value: "true", label: t("common.yes") },
            { value: "false", label: t("common.no") },
          ])}
          {select(
            "stalled",
            t("projects.stalled"),
            stalledChoices.map((n) => ({ value: String(n), label: t("projects.stalledDays", { n }) })),
          )}
          {field("minInvestment", "text")}
          {field("maxInvestment", "text")}
          {field("signedFrom", "date")}
          {field("signedTo", "date")}
          {field("updatedFrom", "date")}
          {field("updatedTo", "date")}
        </div>
      </form>
      {params.importJob ? (
        <p
          className="flex flex-wrap items-center gap-3 rounded bg-brand-50 px-3 py-2 text-sm text-brand-800"
          data-testid="import-job-filter"
        >
          {t("projects.importJobFilter", { batch: importBatch ?? params.importJob })}
          <button type="button" onClick={() => set({ importJob: undefined })} className="underline">
            {t("projects.importJobClear")}
          </button>
        </p>
      ) : null}
      {reportFilters.length ? (
        <ul className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-filters">
          {reportFilters.map((f) => (
            <li key={f.keys[0]} className="flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-brand-800">
              {f.words}
              <button
                type="button"
                onClick={() => set(Object.fromEntries(f.keys.map((k) => [k, undefined])))}
                aria-label={t("projects.removeFilter", { filter: f.words })}
                className="font-semibold hover:text-brand-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {error}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          {canCreate ? (
            <Link
              href="/projects/new"
              className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm text-white hover:bg-emerald-800"
              data-testid="new-project"
            >
              {t("projects.newLead")}
            </Link>
          ) : null}
          {canImport ? (
            <Link
              href="/projects/import"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
              data-testid="import-projects"
            >
              {t("imports.open")}
            </Link>
          ) : null}
          <ExportButton query={toQuery({ ...params, page: undefined })} total={total} />
          <div className="relative">
            <button
              type="button"
              onClick={() => setShowColumns((v) => !v)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
              aria-expanded={showColumns}
            >
              {t("projects.columns")}
            </button>
            {showColumns ? (
              <div
                className="absolute z-10 mt-1 w-44 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
                data-testid="column-chooser"
              >
                {hideableColumns.map((c) => (
                  <label key={c} className="flex items-center gap-2 py-0.5 text-sm">
                    <input
                      type="checkbox"
                      checked={!hidden.has(c)}
                      onChange={(e) => {
                        const next = new Set(hidden);
                        if (e.target.checked) next.delete(c);
                        else next.add(c);
                        set({ hide: [...next].join(",") || noneHidden, page: params.page });
                      }}
                    />
                    {t(`projects.col.${c}`)}
                  </label>
                ))}
              </div>
            ) : null}
          </div>
        </div>
        <SavedViews views={views} currentQuery={toQuery({ ...params, page: undefined })} />
      </div>

      <DataTable
        columns={columns}
        data={items}
        rowId={(r) => r.id}
        sorting={sorting}
        onSortingChange={(s) => set({ sort: s[0]?.id ?? "updatedAt", order: s[0]?.desc ? "desc" : "asc" })}
        columnVisibility={columnVisibility}
        emptyText={t("common.noData")}
        testId="projects-grid"
      />

      <nav className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600" aria-label="pagination">
        <span data-testid="grid-total">{t("common.pageInfo", { page, pages, total })}</span>
        <span className="flex items-center gap-2">
          <select
            aria-label={t("projects.pageSize")}
            value={String(pageSize)}
            onChange={(e) => set({ pageSize: e.target.value })}
            className="rounded border border-slate-300 px-1 py-1"
          >
            {[20, 50, 100, 200].map((n) => (
              <option key={n} value={n}>
                {t("projects.perPage", { n })}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => go({ ...params, page: String(page - 1) })}
            className="rounded border border-slate-300 bg-white px-3 py-1 disabled:opacity-40"
          >
            {t("common.previous")}
          </button>
          <button
            type="button"
            disabled={page >= pages}
            onClick={() => go({ ...params, page: String(page + 1) })}
            className="rounded border border-slate-300 bg-white px-3 py-1 disabled:opacity-40"
          >
            {t("common.next")}
          </button>
        </span>
      </nav>
    </div>
  );
}
