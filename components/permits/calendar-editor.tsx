"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { saveHolidayPeriodsAction } from "@/app/(app)/permits/actions";
import { FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { addDays } from "@/lib/calendar/working-days";
import {
  daysBetween,
  isWeekend,
  periodDays,
  periodNameOf,
  readHolidayNotice,
  type CalendarEntry,
} from "@/lib/permits/holiday-notice";
import { holidayPeriodsSchema } from "@/lib/permits/schemas";
import { YearGrid } from "./year-grid";

type PeriodRow = { name: string; from: string; to: string; workdays: string; declared: number | null };
type Values = { periods: PeriodRow[] };

const blankRow: PeriodRow = { name: "", from: "", to: "", workdays: "", declared: null };
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** What a row would store, once its dates read as dates (the server checks it all again). */
function entriesOf(row: PeriodRow): CalendarEntry[] {
  const from = row.from.trim();
  const to = row.to.trim();
  if (!row.name.trim() || !isDay(from) || !isDay(to) || to < from || daysBetween(from, to).length > 31) return [];
  const workdays = row.workdays
    .normalize("NFKC")
    .split(/[\s,;、]+/)
    .filter(isDay);
  return periodDays({ name: row.name.trim(), from, to, workdays });
}

/** The stored days a row replaces: the same holiday within 45 days of it, and whatever is on its days. */
function replacedBy(row: PeriodRow, entries: CalendarEntry[], stored: CalendarEntry[]): CalendarEntry[] {
  if (!entries.length) return [];
  const dates = new Set(entries.map((e) => e.date));
  const lo = addDays(row.from.trim(), -45);
  const hi = addDays(row.to.trim(), 45);
  const same = (a: CalendarEntry, b: CalendarEntry | undefined) => b && a.kind === b.kind && a.name === b.name;
  const byDate = new Map(entries.map((e) => [e.date, e]));
  return stored.filter(
    (d) =>
      (dates.has(d.date) || (periodNameOf(d) === row.name.trim() && d.date >= lo && d.date <= hi)) &&
      !same(d, byDate.get(d.date)),
  );
}

/**
 * Holidays entered as periods — typed as ranges, or read from the State Council's notice
 * and put into the same rows — reviewed on the year's grid (the result, with the days it
 * changes outlined) before one save.
 */
export function CalendarEditor({ year, stored }: { year: number; stored: CalendarEntry[] }) {
  const t = useTranslations("permits.admin");
  const [mode, setMode] = useState<"ranges" | "notice">("ranges");
  const [notice, setNotice] = useState("");
  const [reading, setReading] = useState<{ n: number; unread: string[] } | null>(null);
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: holidayPeriodsSchema,
    defaultValues: { periods: [blankRow] },
    // `declared` (the notice's 共N天) is for the review only.
    action: ({ periods }) =>
      saveHolidayPeriodsAction({
        periods: periods.map((p) => ({ name: p.name, from: p.from, to: p.to, workdays: p.workdays })),
      }),
    success: (data) => {
      const d = data as { periods: number; days: number; dueDatesMoved: number };
      const counts = { periods: d.periods, days: d.days, moved: d.dueDatesMoved };
      return t(d.dueDatesMoved ? "periodsSaved" : "periodsSavedNoMove", counts);
    },
    onSuccess: () => {
      form.reset({ periods: [blankRow] });
      setNotice("");
      setReading(null);
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "periods" });
  const rows = form.watch("periods");

  const read = () => {
    const r = readHolidayNotice(notice, year);
    setReading({ n: r.periods.length, unread: r.unread });
    if (r.periods.length)
      form.reset({
        periods: r.periods.map((p) => ({
          name: p.name,
          from: p.from,
          to: p.to,
          workdays: p.workdays.join(", "),
          declared: p.declaredDays,
        })),
      });
  };

  // The result to review: the stored days less those the rows replace, plus the rows' days.
  const planned = rows.map((row) => {
    const entries = entriesOf(row);
    return { entries, replaced: replacedBy(row, entries, stored) };
  });
  const after = new Map(stored.map((d) => [d.date, d]));
  for (const p of planned) for (const d of p.replaced) after.delete(d.date);
  for (const p of planned) for (const e of p.entries) after.set(e.date, e);
  // What saving would change, outlined on the grid.
  const storedBy = new Map(stored.map((d) => [d.date, d]));
  const changed = new Set(
    [...new Set([...storedBy.keys(), ...after.keys()])].filter((date) => {
      const [a, b] = [after.get(date), storedBy.get(date)];
      return a?.kind !== b?.kind || a?.name !== b?.name;
    }),
  );
  const otherYears = [...new Set(planned.flatMap((p) => p.entries.map((e) => Number(e.date.slice(0, 4)))))].filter(
    (y) => y !== year,
  );

  /** A field's message, or that of one of its list entries (a bad date among the working days). */
  const message = (path: string) =>
    fieldError(path) ?? Array.from({ length: 10 }, (_, k) => fieldError(`${path}.${k}`)).find(Boolean);
  const tab = (m: typeof mode, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      onClick={() => setMode(m)}
      className={`rounded-t-md border-b-2 px-3 py-1.5 text-sm ${mode === m ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-500 hover:text-slate-700"}`}
    >
      {label}
    </button>
  );

  return (
    <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form onSubmit={submit} noValidate className="space-y-3" data-testid="holiday-periods">
        <div role="tablist" className="flex gap-2 border-b border-slate-200">
          {tab("ranges", t("modeRanges"))}
          {tab("notice", t("modeNotice"))}
        </div>
        {mode === "notice" ? (
          <div className="space-y-2">
            <label htmlFor="holiday-notice" className="block text-xs font-medium text-slate-600">
              {t("noticeLabel")}
            </label>
            <textarea
              id="holiday-notice"
              rows={6}
              value={notice}
              onChange={(e) => setNotice(e.target.value)}
              placeholder={t("noticePlaceholder")}
              className={inputClass}
            />
            <button
              type="button"
              onClick={read}
              className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100"
            >
              {t("read")}
            </button>
            {reading ? (
              <div className="text-sm" data-testid="notice-reading" role="status">
                <p className={reading.n ? "text-emerald-800" : "text-red-700"}>
                  {reading.n ? t("readResult", { n: reading.n }) : t("readNone")}
                </p>
                {reading.unread.length ? (
                  <div className="mt-1 text-amber-800">
                    <p>{t("unread")}</p>
                    <ul className="list-inside list-disc">
                      {reading.unread.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}

        <div className="space-y-2">
          {fields.map((f, i) => {
            const id = (k: string) => `period-${i}-${k}`;
            const p = planned[i];
            const holidays = p?.entries.filter((e) => e.kind === "HOLIDAY") ?? [];
            const weekend = holidays.filter((e) => isWeekend(e.date)).length;
            const declared = rows[i]?.declared;
            return (
              <fieldset key={f.id} className="rounded border border-slate-200 p-2" data-period={i}>
                <div className="flex flex-wrap items-start gap-2">
                  {(
                    [
                      ["name", t("periodName"), "w-28", "text"],
                      ["from", t("from"), "w-40", "date"],
                      ["to", t("to"), "w-40", "date"],
                      ["workdays", t("workdays"), "w-60", "text"],
                    ] as const
                  ).map(([k, label, width, type]) => (
                    <div key={k}>
                      <label htmlFor={id(k)} className="block text-xs font-medium text-slate-600">
                        {label}
                      </label>
                      <input
                        id={id(k)}
                        type={type}
                        className={`${inputClass} ${width} mt-0.5`}
                        placeholder={k === "workdays" ? t("workdaysHint") : undefined}
                        {...form.register(`periods.${i}.${k}`)}
                      />
                      <FieldMessage htmlFor={id(k)} message={message(`periods.${i}.${k}`)} />
                    </div>
                  ))}
                  {fields.length > 1 ? (
                    <button
                      type="button"
                      onClick={() => remove(i)}
                      className="mt-5 text-xs text-red-700 hover:underline"
                    >
                      {t("removePeriod")}
                    </button>
                  ) : null}
                </div>
                {holidays.length ? (
                  <p className="mt-1 text-xs text-slate-500" data-testid="period-summary">
                    {t("periodSummary", { days: holidays.length, weekend })}
                    {declared && declared !== holidays.length ? (
                      <span className="ml-2 font-medium text-amber-800">
                        {t("declaredMismatch", { declared, days: holidays.length })}
                      </span>
                    ) : null}
                    {p.replaced.length ? (
                      <span className="ml-2 text-sky-800">
                        {t("replaces", {
                          days: p.replaced.map((d) => `${d.date.slice(5)} ${d.name}`).join("、"),
                        })}
                      </span>
                    ) : null}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <button type="button" onClick={() => append(blankRow)} className="text-sm text-brand-700 hover:underline">
            + {t("addPeriod")}
          </button>
        </div>
        <p className="text-xs text-slate-500">{t("weekendNote")}</p>
        <FormError message={error ?? message("periods")} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {t("savePeriods")}
        </button>
      </form>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("gridTitle", { year })}</h3>
        {otherYears.length ? (
          <p className="mb-2 text-xs text-amber-800">
            {t("otherYear", { year: otherYears[0], shown: year })}{" "}
            <Link href={`/admin/calendar?year=${otherYears[0]}`} className="underline">
              {t("showYear", { year: otherYears[0] })}
            </Link>
          </p>
        ) : null}
        <YearGrid year={year} days={[...after.values()]} changed={changed} />
      </div>
    </div>
  );
}
