"use client";
import { useTranslations } from "next-intl";
import { addActivityAction } from "@/app/(app)/projects/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { activitySchema, activityTypes } from "@/lib/projects/schemas";

type Values = { type: string; date: string; participants: string; notes: string };

export function ActivityForm({ projectId, today }: { projectId: string; today: string }) {
  const t = useTranslations();
  const blank: Values = { type: "VISIT", date: today, participants: "", notes: "" };
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: activitySchema,
    defaultValues: blank,
    action: (values) => addActivityAction(projectId, values),
    onSuccess: (_, values) => form.reset({ ...blank, type: values.type }),
  });
  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-2 md:grid-cols-4" data-testid="activity-form">
      <Field label={t("activities.type")} htmlFor="a-type" error={fieldError("type")}>
        <select id="a-type" className={inputClass} {...form.register("type")}>
          {activityTypes.map((a) => (
            <option key={a} value={a}>
              {t(`activities.types.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("activities.date")} htmlFor="a-date" error={fieldError("date")}>
        <input id="a-date" type="date" className={inputClass} {...form.register("date")} />
      </Field>
      <div className="md:col-span-2">
        <Field label={t("activities.participants")} htmlFor="a-participants" error={fieldError("participants")}>
          <input id="a-participants" className={inputClass} {...form.register("participants")} />
        </Field>
      </div>
      <div className="md:col-span-4">
        <Field label={t("activities.notes")} htmlFor="a-notes" error={fieldError("notes")}>
          <textarea id="a-notes" rows={2} className={inputClass} {...form.register("notes")} />
        </Field>
      </div>
      <FormError message={error} className="md:col-span-4" />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("activities.add")}
        </button>
      </div>
    </form>
  );
}
