"use client";
// 年度目标 grid: rows = the district, parks, staff, leaders; columns = indicators. Each cell is the
// annual target; a row's quarters open under it ("按季度填写"), else they are spread evenly on
// the server. Saved through PUT /api/v1/targets (the same use-case as the API) with the year's
// version; the roll-up check below shows where the parts do not add up to the district.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { Money } from "@/components/ui/money";
import { targetIndicators, isCountIndicator, type TargetIndicator } from "@/lib/targets/indicators";
import type { TargetsView } from "@/lib/targets/get-targets";

type Row = { key: string; unit: "DISTRICT" | "USER" | "PARK"; unitId: string | null; group: string; name: string };
type Cell = { annual: string; quarters: string[] };

const cellKey = (rowKey: string, indicator: string) => `${rowKey}|${indicator}`;

export function TargetsEditor({ data }: { data: TargetsView }) {
  const t = useTranslations("targets");
  const { error, pending, run } = useAction();
  const rows: Row[] = [
    { key: "DISTRICT:", unit: "DISTRICT", unitId: null, group: "DISTRICT", name: t("district") },
    ...data.units.parks.map((p) => ({
      key: `PARK:${p.id}`,
      unit: "PARK" as const,
      unitId: p.id,
      group: "PARK",
      name: p.name,
    })),
    ...(["STAFF", "LEADER"] as const).flatMap((role) =>
      data.units.users
        .filter((u) => u.role === role && (u.active || data.items.some((i) => i.unitId === u.id)))
        .map((u) => ({
          key: `USER:${u.id}`,
          unit: "USER" as const,
          unitId: u.id,
          group: role,
          name: `${u.displayName}${u.active ? "" : t("inactive")}`,
        })),
    ),
  ];
  const initial = () => {
    const cells: Record<string, Cell> = {};
    for (const i of data.items)
      cells[cellKey(`${i.unit}:${i.unitId ?? ""}`, i.indicator)] = { annual: i.annual, quarters: [...i.quarters] };
    return cells;
  };
  const [cells, setCells] = useState<Record<string, Cell>>(initial);
  const [byQuarter, setByQuarter] = useState<Set<string>>(new Set());
  const progress = new Map(data.items.map((i) => [cellKey(`${i.unit}:${i.unitId ?? ""}`, i.indicator), i]));
  const editable = data.canEdit;

  // The items sent, in order, so a field error "items.3.quarters" finds its cell.
  const buildItems = () => {
    const sent: { rowKey: string; indicator: TargetIndicator }[] = [];
    const items = [];
    for (const row of rows)
      for (const indicator of targetIndicators) {
        const c = cells[cellKey(row.key, indicator)];
        if (!c || c.annual.trim() === "") continue;
        sent.push({ rowKey: row.key, indicator });
        items.push({
          unit: row.unit,
          unitId: row.unitId,
          indicator,
          annual: c.annual,
          ...(byQuarter.has(row.key) ? { quarters: c.quarters } : {}),
        });
      }
    return { items, sent };
  };
  const [sentOrder, setSentOrder] = useState<{ rowKey: string; indicator: TargetIndicator }[]>([]);
  const fieldError = (rowKey: string, indicator: string) => {
    if (!error) return null;
    const i = sentOrder.findIndex((s) => s.rowKey === rowKey && s.indicator === indicator);
    if (i < 0) return null;
    const hit = Object.entries(error.fields).find(([k]) => k.startsWith(`items.${i}.`));
    return hit?.[1] ?? null;
  };
  const save = () => {
    const { items, sent } = buildItems();
    setSentOrder(sent);
    run(
      async () => {
        const res = await fetch("/api/v1/targets", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ year: data.year, items, ...(data.version ? { version: data.version } : {}) }),
        });
        if (res.ok) return { ok: true };
        const body = await res.json().catch(() => ({}));
        return { ok: false, error: { message: body.error?.message ?? res.statusText, fields: body.error?.fields } };
      },
      undefined,
      t("saved"),
    );
  };
  const set = (rowKey: string, indicator: string, patch: Partial<Cell>) =>
    setCells((prev) => {
      const k = cellKey(rowKey, indicator);
      const old = prev[k] ?? { annual: "", quarters: ["", "", "", ""] };
      return { ...prev, [k]: { ...old, ...patch } };
    });

  let lastGroup = "";
  return (
    <div className="space-y-4">
      {!editable ? <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("readOnly")}</p> : null}
      <section aria-labelledby="rollups-title" data-testid="rollups">
        <h2 id="rollups-title" className="mb-2 text-sm font-semibold text-slate-700">
          {t("rollups")}
        </h2>
        <ul className="space-y-1 text-sm">
          {data.rollups.map((r) =>
            (["staff", "leaders", "parks"] as const)
              .filter((part) => r.parts[part].warning)
              .map((part) => {
                const x = r.parts[part];
                const group = t(`groups.${part === "staff" ? "STAFF" : part === "leaders" ? "LEADER" : "PARK"}`);
                const name = `${t(`indicators.${r.indicator}`)} · ${t("rollupPart", { group })}`;
                return (
                  <li
                    key={`${r.indicator}-${part}`}
                    className={x.warning ? "text-amber-800" : "text-slate-600"}
                    data-warning={x.warning ? `${r.indicator}-${part}` : undefined}
                  >
                    {x.warning ? "⚠ " : "✓ "}
                    {x.warning
                      ? `${t(`indicators.${r.indicator}`)}: ${t("rollupWarning", { group, sum: x.sum, whole: r.district ?? t("noDistrict") })}`
                      : `${name} ${x.sum} · ${t("rollupOk")}`}
                  </li>
                );
              }),
          )}
        </ul>
        {data.rollups.every((r) => Object.values(r.parts).every((x) => !x.warning)) ? (
          <p className="text-sm text-slate-600">✓ {t("rollupOk")}</p>
        ) : null}
      </section>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="targets-grid">
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2">
                {t("unit")}
              </th>
              {targetIndicators.map((i) => (
                <th key={i} scope="col" className="px-2 py-2">
                  {t(`indicators.${i}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const header =
                row.group !== lastGroup ? (
                  <tr key={`g-${row.group}`} className="bg-slate-50">
                    <th
                      colSpan={7}
                      scope="rowgroup"
                      className="px-2 py-1 text-left text-xs font-semibold text-slate-500"
                    >
                      {t(`groups.${row.group}`)}
                    </th>
                  </tr>
                ) : null;
              lastGroup = row.group;
              const quarters = byQuarter.has(row.key);
              return [
                header,
                <tr key={row.key} data-unit={row.key}>
                  <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-medium text-slate-700">
                    {row.name}
                    {editable ? (
                      <button
                        type="button"
                        className="ml-2 text-xs font-normal text-brand-700 hover:underline"
                        onClick={() =>
                          setByQuarter((s) => {
                            const n = new Set(s);
                            if (n.has(row.key)) n.delete(row.key);
                            else n.add(row.key);
                            return n;
                          })
                        }
                      >
                        {quarters ? t("spread") : t("quartersShow")}
                      </button>
                    ) : null}
                  </th>
                  {targetIndicators.map((indicator) => {
                    const k = cellKey(row.key, indicator);
                    const c = cells[k];
                    const p = progress.get(k);
                    const err = fieldError(row.key, indicator);
                    const label = `${row.name} · ${t(`indicators.${indicator}`)}`;
                    return (
                      <td key={indicator} className="px-2 py-1.5 align-top">
                        {editable ? (
                          <input
                            className={`${inputClass} w-28 ${err ? "border-red-500" : ""}`}
                            inputMode={isCountIndicator(indicator) ? "numeric" : "decimal"}
                            value={c?.annual ?? ""}
                            aria-label={label}
                            aria-invalid={err ? true : undefined}
                            onChange={(e) => set(row.key, indicator, { annual: e.target.value })}
                            data-cell={k}
                          />
                        ) : (
                          <span className="tabular-nums" data-cell={k}>
                            {c?.annual ? isCountIndicator(indicator) ? c.annual : <Money wan={c.annual} /> : "—"}
                          </span>
                        )}
                        {quarters || !editable ? (
                          c?.quarters.length === 4 || quarters ? (
                            <div
                              className="mt-1 grid grid-cols-4 gap-1"
                              aria-label={`${label} ${t("quarter", { n: "1–4" })}`}
                            >
                              {[0, 1, 2, 3].map((q) =>
                                editable ? (
                                  <input
                                    key={q}
                                    className={`${inputClass} w-14 px-1 text-xs`}
                                    value={c?.quarters[q] ?? ""}
                                    aria-label={`${label} ${t("quarter", { n: q + 1 })}`}
                                    onChange={(e) => {
                                      const next = [...(c?.quarters ?? ["", "", "", ""])];
                                      next[q] = e.target.value;
                                      set(row.key, indicator, { quarters: next });
                                    }}
                                  />
                                ) : (
                                  <span key={q} className="text-xs text-slate-500 tabular-nums">
                                    {c?.quarters[q] ?? ""}
                                  </span>
                                ),
                              )}
                            </div>
                          ) : null
                        ) : null}
                        {p && p.progress !== null ? (
                          <p className="mt-0.5 text-xs text-slate-500" data-progress={k}>
                            {t("progressOf", { actual: p.actual, target: p.annual, percent: p.progress })}
                          </p>
                        ) : null}
                        {err ? (
                          <p className="mt-0.5 text-xs text-red-700" role="alert">
                            {err}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
      {error && Object.keys(error.fields).length === 0 ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {editable ? (
        <button
          type="button"
          onClick={save}
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
          data-testid="save-targets"
        >
          {t("save")}
        </button>
      ) : null}
    </div>
  );
}
