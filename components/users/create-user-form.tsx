"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Field, inputClass } from "@/components/ui/field";
import { roles } from "@/lib/auth/permissions";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

export function CreateUserForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<CreateUserInput>({
    // raw: the server action gets the form values and parses the same schema itself.
    resolver: zodResolver(createUserSchema, undefined, { raw: true }),
    defaultValues: { username: "", displayName: "", password: "", role: "STAFF", departmentId: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    const res = await createUserAction(values);
    if (res.ok) {
      form.reset();
      setNotice({ ok: true, text: t("users.created", { username: res.data.username }) });
      return;
    }
    for (const [field, message] of Object.entries(res.error.fields ?? {})) {
      form.setError(field as keyof CreateUserInput, { message });
    }
    setNotice({ ok: false, text: res.error.message });
  });

  return (
    <form
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6"
      noValidate
      data-testid="create-user-form"
    >
      <Field label={t("users.username")} htmlFor="new-username" error={errors.username?.message}>
        <input id="new-username" className={inputClass} autoComplete="off" {...form.register("username")} />
      </Field>
      <Field label={t("users.displayName")} htmlFor="new-displayName" error={errors.displayName?.message}>
        <input id="new-displayName" className={inputClass} {...form.register("displayName")} />
      </Field>
      <Field label={t("users.password")} htmlFor="new-password" error={errors.password?.message}>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...form.register("password")}
        />
      </Field>
      <Field label={t("users.role")} htmlFor="new-role" error={errors.role?.message}>
        <select id="new-role" className={inputClass} {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("users.department")} htmlFor="new-department" error={errors.departmentId?.message}>
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
          disabled={isSubmitting}
          className="w-full rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isSubmitting ? t("common.saving") : t("users.create")}
        </button>
      </div>
      {notice ? (
        <p
          role="status"
          className={`sm:col-span-3 lg:col-span-6 text-sm ${notice.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {notice.text}
        </p>
      ) : null}
    </form>
  );
}
