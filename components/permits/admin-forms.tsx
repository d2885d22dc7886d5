"use client";
import { useTranslations } from "next-intl";
import { deleteCalendarDayAction, savePermitTypeAction } from "@/app/(app)/permits/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { createPermitTypeSchema, updatePermitTypeSchema } from "@/lib/permits/schemas";

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

type TypeValues = {
  name: string;
  departmentId: string;
  statutoryDays: string;
  fastTrackDays: string;
  sortOrder: string;
  active: boolean;
  version: number;
};

/**
 * One permit type's row as a small form: name, department, limits, order, active. A <tr>
 * cannot hold a <form>: the inputs stay in the row and the save button submits.
 */
export function PermitTypeRow({ row, departments }: { row: TypeRow; departments: { id: string; name: string }[] }) {
  const t = useTranslations("permits.admin");
  // The page keys the row by its version: a save brings a fresh row.
  const { form, submit, error, fieldError, pending } = useSchemaForm<TypeValues>({
    schema: updatePermitTypeSchema,
    defaultValues: {
      name: row.name,
      departmentId: row.departmentId,
      statutoryDays: String(row.statutoryDays),
      fastTrackDays: String(row.fastTrackDays),
      sortOrder: String(row.sortOrder),
      active: row.active,
      version: row.version,
    },
    action: (values) => savePermitTypeAction(row.id, values),
  });
  const id = (field: keyof TypeValues) => `type-${row.code}-${field}`;
  const numberCell = (field: keyof TypeValues, label: string, width: string) => (
    <td className="px-2 py-1">
      <input
        id={id(field)}
        aria-label={label}
        className={`${inputClass} ${width}`}
        inputMode="numeric"
        {...form.register(field)}
      />
      <FieldMessage htmlFor={id(field)} message={fieldError(field)} />
    </td>
  );
  return (
    <tr className="align-top" data-type={row.code}>
      <td className="px-2 py-1 font-mono text-xs">{row.code}</td>
      <td className="px-2 py-1">
        <input id={id("name")} aria-label={t("name")} className={inputClass} {...form.register("name")} />
        <FieldMessage htmlFor={id("name")} message={fieldError("name")} />
      </td>
      <td className="px-2 py-1">
        <select
          id={id("departmentId")}
          aria-label={t("department")}
          className={inputClass}
          {...form.register("departmentId")}
        >
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <FieldMessage htmlFor={id("departmentId")} message={fieldError("departmentId")} />
      </td>
      {numberCell("statutoryDays", t("statutoryDays"), "w-20")}
      {numberCell("fastTrackDays", t("fastTrackDays"), "w-20")}
      {numberCell("sortOrder", t("sortOrder"), "w-16")}
      <td className="px-2 py-1">
        <input id={id("active")} type="checkbox" aria-label={t("active")} {...form.register("active")} />
        <FieldMessage htmlFor={id("active")} message={fieldError("active")} />
      </td>
      <td className="px-2 py-1">
        <button
          type="button"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
          onClick={submit}
        >
          {t("save")}
        </button>
        {/* The version has no input: a message about it shows with the row's. */}
        <FormError message={error ?? fieldError("version")} className="mt-1" />
      </td>
    </tr>
  );
}

export function DeleteDayButton({ date }: { date: string }) {
  const t = useTranslations("permits.admin");
  const tc = useTranslations("common");
  const { pending, run } = useAction();
  return (
    <button
      type="button"
      disabled={pending}
      className="text-xs text-red-700 hover:underline"
      onClick={() => run(() => deleteCalendarDayAction(date), undefined, tc("deleted"))}
    >
      {t("delete")}
    </button>
  );
}

type NewTypeValues = {
  code: string;
  name: string;
  departmentId: string;
  statutoryDays: string;
  fastTrackDays: string;
  sortOrder: string;
  active: boolean;
};

/** Adds a permit type (e.g. a new permit the district folds into the case). */
export function NewPermitTypeForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations("permits.admin");
  const blank: NewTypeValues = {
    code: "",
    name: "",
    departmentId: departments[0]?.id ?? "",
    statutoryDays: "20",
    fastTrackDays: "7",
    sortOrder: "100",
    active: true,
  };
  const { form, submit, error, fieldError, pending } = useSchemaForm<NewTypeValues>({
    schema: createPermitTypeSchema,
    defaultValues: blank,
    action: (values) => savePermitTypeAction(null, values),
    onSuccess: () => form.reset(blank),
  });
  const text = (k: "code" | "name" | "statutoryDays" | "fastTrackDays" | "sortOrder", cls = "") => (
    <Field label={t(k)} htmlFor={`new-type-${k}`} error={fieldError(k)}>
      <input id={`new-type-${k}`} className={`${inputClass} ${cls}`} {...form.register(k)} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4">
      {text("code", "w-40")}
      {text("name")}
      <Field label={t("department")} htmlFor="new-type-departmentId" error={fieldError("departmentId")}>
        <select id="new-type-departmentId" className={inputClass} {...form.register("departmentId")}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
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
      <FormError message={error} className="w-full" />
    </form>
  );
}
