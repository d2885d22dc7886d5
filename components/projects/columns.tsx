"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { StageBadge, WarningDot } from "@/components/ui/badges";
import type { GridFeatures } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { formatDateTime } from "@/lib/format";
import type { ProjectListItem } from "@/lib/projects/queries";

const helper = createColumnHelper<GridFeatures, ProjectListItem>();

/**
 * The colour with its reasons on hover and on keyboard focus (a tooltip the cell describes
 * itself with), so the reasons reach screen readers too; an override names the computed colour.
 */
function WarningCell({ p, t }: { p: ProjectListItem; t: (key: string, params?: Record<string, string>) => string }) {
  if (p.warning === "NONE" && !p.warningReasons.length) return <WarningDot warning={p.warning} />;
  const reasons = p.warningReasons.map((r) => r.message).join("；") || t("warnings.panel.noReasons");
  const text = p.warningOverride
    ? t("warnings.panel.gridOverridden", {
        color: t(`warnings.${p.warning}`),
        computed: t(`warnings.${p.warningComputed}`),
        reasons,
      })
    : t("warnings.panel.gridTitle", { color: t(`warnings.${p.warning}`), reasons });
  const id = `warning-tip-${p.id}`;
  return (
    <span className="group relative inline-block" tabIndex={0} aria-describedby={id} data-testid="warning-cell">
      <WarningDot warning={p.warning} />
      {p.warningOverride ? (
        <span aria-hidden className="ml-0.5 text-xs text-slate-500">
          *
        </span>
      ) : null}
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden w-72 rounded bg-slate-800 px-2 py-1 text-xs whitespace-normal text-white shadow group-hover:block group-focus:block"
      >
        {text}
      </span>
    </span>
  );
}

/** Columns of the project grid; ids equal the server's sort fields where sortable. */
export function projectColumns(t: (key: string, params?: Record<string, string>) => string) {
  return helper.columns([
    helper.accessor("code", {
      id: "code",
      header: () => t("projects.code"),
      cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
    }),
    helper.accessor("name", {
      id: "name",
      header: () => t("projects.name"),
      cell: (c) => (
        // Long names wrap (the grid's cells do not), so that the default columns fit a 1440 px screen.
        <Link
          href={`/projects/${c.row.original.id}`}
          className="font-medium whitespace-normal text-brand-700 hover:underline"
        >
          {c.getValue()}
          {c.row.original.keyProject ? (
            <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-700">{t("projects.keyProject")}</span>
          ) : null}
        </Link>
      ),
    }),
    helper.accessor("enterpriseName", {
      id: "enterpriseName",
      header: () => t("projects.enterprise"),
      cell: (c) => <span className="whitespace-normal">{c.getValue()}</span>,
    }),
    helper.accessor("industryName", { id: "industry", header: () => t("projects.industry"), enableSorting: false }),
    helper.accessor("parkName", {
      id: "park",
      header: () => t("projects.park"),
      enableSorting: false,
      cell: (c) => c.getValue() ?? "—",
    }),
    helper.accessor("totalInvestment", {
      id: "totalInvestment",
      // The values carry their unit (万元 or 亿元): the header has none.
      header: () => t("projects.col.totalInvestment"),
      cell: (c) => (
        <span className="block text-right">
          <Money wan={c.getValue()} />
        </span>
      ),
    }),
    helper.accessor("stage", {
      id: "stage",
      header: () => t("projects.stage"),
      cell: (c) => <StageBadge stage={c.getValue()} />,
    }),
    helper.accessor("warning", {
      id: "warning",
      header: () => t("projects.warning"),
      cell: (c) => <WarningCell p={c.row.original} t={t} />,
    }),
    helper.accessor("signingDate", {
      id: "signingDate",
      header: () => t("projects.signingDate"),
      cell: (c) => c.getValue() ?? "—",
    }),
    helper.accessor("ownerName", { id: "owner", header: () => t("projects.owner"), enableSorting: false }),
    helper.accessor("leaderName", {
      id: "leader",
      header: () => t("projects.leader"),
      enableSorting: false,
      cell: (c) => c.getValue() ?? "—",
    }),
    helper.accessor("updatedAt", {
      id: "updatedAt",
      header: () => t("projects.updatedAt"),
      cell: (c) => <span className="text-xs text-slate-500">{formatDateTime(c.getValue())}</span>,
    }),
  ]);
}

export const hideableColumns = [
  "enterpriseName",
  "industry",
  "park",
  "totalInvestment",
  "warning",
  "signingDate",
  "owner",
  "leader",
  "updatedAt",
] as const;
type Hideable = (typeof hideableColumns)[number];

/** Hidden unless chosen under 显示列, so that the default columns fit a 1440 px screen. */
export const defaultHiddenColumns: readonly Hideable[] = ["park", "warning", "signingDate", "leader"];
/** The `hide` value of a view that hides nothing (no `hide` at all means the default). */
export const noneHidden = "none";

/** The hidden columns of the URL's `hide`: the default set when it is absent. */
export function hiddenColumns(hide: string | undefined): Set<string> {
  if (hide === undefined || hide === "") return new Set(defaultHiddenColumns);
  return new Set(hide.split(",").filter((c) => c && c !== noneHidden));
}
