"use client";
import {
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
  type ColumnVisibilityState,
  type RowData,
} from "@tanstack/react-table";

// The one data-grid wrapper (TanStack Table v9): the server sorts, filters and pages;
// the table renders, reports sort clicks and hides columns. State lives in the URL,
// owned by the caller.
export const gridFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
export type GridFeatures = typeof gridFeatures;

export type DataTableProps<T extends RowData> = {
  columns: ColumnDef<GridFeatures, T, unknown>[];
  data: T[];
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  columnVisibility: ColumnVisibilityState;
  rowId: (row: T) => string;
  emptyText: string;
  testId?: string;
};

export function DataTable<T extends RowData>({
  columns,
  data,
  sorting,
  onSortingChange,
  columnVisibility,
  rowId,
  emptyText,
  testId,
}: DataTableProps<T>) {
  const table = useTable({
    features: gridFeatures,
    columns,
    data,
    getRowId: rowId,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="whitespace-nowrap px-3 py-2"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:text-brand-700"
                        onClick={header.column.getToggleSortingHandler()}
                        data-sort={header.column.id}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden className="text-slate-400">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-slate-500">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50" data-row-id={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
