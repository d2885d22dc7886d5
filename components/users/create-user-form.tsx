"use client";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { roles } from "@/lib/auth/permissions";
import { createUserSchema } from "@/lib/users/schemas";

type Values = { username: string; displayName: string; password: string; role: string; departmentId: string };

export function CreateUserForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: createUserSchema,
    defaultValues: { username: "", displayName: "", password: "", role: "STAFF", departmentId: "" },
    action: createUserAction,
    onSuccess: () => form.reset(),
    success: (data) => t("users.created", { username: (data as { username: string }).username }),
  });

  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6"
      noValidate
      data-testid="create-user-form"
    >
      <Field label={t("users.username")} htmlFor="new-username" error={fieldError("username")}>
        <input id="new-username" className={inputClass} autoComplete="off" {...form.register("username")} />
      </Field>
      <Field label={t("users.displayName")} htmlFor="new-displayName" error={fieldError("displayName")}>
        <input id="new-displayName" className={inputClass} {...form.register("displayName")} />
      </Field>
      <Field label={t("users.password")} htmlFor="new-password" error={fieldError("password")}>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...form.register("password")}
        />
      </Field>
      <Field label={t("users.role")} htmlFor="new-role" error={fieldError("role")}>
        <select id="new-role" className={inputClass} {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("users.department")} htmlFor="new-department" error={fieldError("departmentId")}>
        <select id="new-department" className={inputClass} {...form.register("departmentId")}>
          <option value="">{t("users.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-end">
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("common.saving") : t("users.create")}
        </button>
      </div>
      <FormError message={error} className="sm:col-span-3 lg:col-span-6" />
    </form>
  );
}
