"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteCalendarDayAction, saveCalendarDayAction, savePermitTypeAction } from "@/app/(app)/permits/actions";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

type TypeRow = {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  statutoryDays: number;
  fastTrackDays: number;
  sortOrder: number;
  active: boolean;
  version: number;
};

/** One permit type's row as a small form: name, department, limits, order, active. */
export function PermitTypeRow({ row, departments }: { row: TypeRow; departments: { id: string; name: string }[] }) {
  const t = useTranslations("permits.admin");
  const { firstError: error, pending, run } = useAction();
  const [v, setV] = useState(row);
  return (
    <tr className="align-top" data-type={row.code}>
      <td className="px-2 py-1 font-mono text-xs">{row.code}</td>
      <td className="px-2 py-1">
        <input
          aria-label={t("name")}
          className={inputClass}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </td>
      <td className="px-2 py-1">
        <select
          aria-label={t("department")}
          className={inputClass}
          value={v.departmentId}
          onChange={(e) => setV({ ...v, departmentId: e.target.value })}
        >
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </td>
      <td className="px-2 py-1">
        <input
          aria-label={t("statutoryDays")}
          className={`${inputClass} w-20`}
          inputMode="numeric"
          value={v.statutoryDays}
          onChange={(e) => setV({ ...v, statutoryDays: e.target.value as never })}
        />
      </td>
      <td className="px-2 py-1">
        <input
          aria-label={t("fastTrackDays")}
          className={`${inputClass} w-20`}
          inputMode="numeric"
          value={v.fastTrackDays}
          onChange={(e) => setV({ ...v, fastTrackDays: e.target.value as never })}
        />
      </td>
      <td className="px-2 py-1">
        <input
          aria-label={t("sortOrder")}
          className={`${inputClass} w-16`}
          inputMode="numeric"
          value={v.sortOrder}
          onChange={(e) => setV({ ...v, sortOrder: e.target.value as never })}
        />
      </td>
      <td className="px-2 py-1">
        <input
          type="checkbox"
          aria-label={t("active")}
          checked={v.active}
          onChange={(e) => setV({ ...v, active: e.target.checked })}
        />
      </td>
      <td className="px-2 py-1">
        <button
          type="button"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
          onClick={() =>
            run(() =>
              savePermitTypeAction(row.id, {
                name: v.name,
                departmentId: v.departmentId,
                statutoryDays: v.statutoryDays,
                fastTrackDays: v.fastTrackDays,
                sortOrder: v.sortOrder,
                active: v.active,
                version: row.version,
              }),
            )
          }
        >
          {t("save")}
        </button>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Adds a holiday (法定节假日) or a make-up working day (调休上班). */
export function CalendarDayForm() {
  const t = useTranslations("permits.admin");
  const { firstError: error, pending, run } = useAction();
  const [v, setV] = useState({ date: "", kind: "HOLIDAY", name: "" });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => saveCalendarDayAction(v),
          () => setV({ date: "", kind: v.kind, name: v.name }),
        );
      }}
    >
      <label className="text-xs text-slate-600">
        {t("date")}
        <input
          type="date"
          className={`${inputClass} mt-0.5`}
          value={v.date}
          onChange={(e) => setV({ ...v, date: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        {t("kind")}
        <select
          className={`${inputClass} mt-0.5`}
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value })}
        >
          <option value="HOLIDAY">{t("kinds.HOLIDAY")}</option>
          <option value="WORKDAY">{t("kinds.WORKDAY")}</option>
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("dayName")}
        <input
          className={`${inputClass} mt-0.5`}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("add")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function DeleteDayButton({ date }: { date: string }) {
  const t = useTranslations("permits.admin");
  const { pending, run } = useAction();
  return (
    <button
      type="button"
      disabled={pending}
      className="text-xs text-red-700 hover:underline"
      onClick={() => run(() => deleteCalendarDayAction(date))}
    >
      {t("delete")}
    </button>
  );
}

/** Adds a permit type (e.g. a new permit the district folds into the case). */
export function NewPermitTypeForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations("permits.admin");
  const { firstError: error, pending, run } = useAction();
  const blank = {
    code: "",
    name: "",
    departmentId: departments[0]?.id ?? "",
    statutoryDays: "20",
    fastTrackDays: "7",
    sortOrder: "100",
    active: true,
  };
  const [v, setV] = useState(blank);
  const text = (k: "code" | "name" | "statutoryDays" | "fastTrackDays" | "sortOrder", cls = "") => (
    <label className="text-xs text-slate-600">
      {t(k)}
      <input
        className={`${inputClass} mt-0.5 ${cls}`}
        value={v[k]}
        onChange={(e) => setV({ ...v, [k]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => savePermitTypeAction(null, v),
          () => setV(blank),
        );
      }}
    >
      {text("code", "w-40")}
      {text("name")}
      <label className="text-xs text-slate-600">
        {t("department")}
        <select
          className={`${inputClass} mt-0.5`}
          value={v.departmentId}
          onChange={(e) => setV({ ...v, departmentId: e.target.value })}
        >
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {text("statutoryDays", "w-20")}
      {text("fastTrackDays", "w-20")}
      {text("sortOrder", "w-16")}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("add")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
