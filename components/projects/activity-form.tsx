"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { addActivityAction } from "@/app/(app)/projects/actions";
import { Field, inputClass } from "@/components/ui/field";
import { activitySchema, activityTypes } from "@/lib/projects/schemas";

type Values = { type: string; date: string; participants: string; notes: string };

export function ActivityForm({ projectId, today }: { projectId: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(activitySchema as never, undefined, { raw: true }) as never,
    defaultValues: { type: "VISIT", date: today, participants: "", notes: "" },
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await addActivityAction(projectId, values);
    if (res.ok) {
      form.reset({ type: values.type, date: today, participants: "", notes: "" });
      router.refresh();
    } else
      for (const [k, v] of Object.entries(res.error.fields ?? {})) form.setError(k as keyof Values, { message: v });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-2 md:grid-cols-4" data-testid="activity-form">
      <Field label={t("activities.type")} htmlFor="a-type" error={e.type?.message}>
        <select id="a-type" className={inputClass} {...form.register("type")}>
          {activityTypes.map((a) => (
            <option key={a} value={a}>
              {t(`activities.types.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("activities.date")} htmlFor="a-date" error={e.date?.message}>
        <input id="a-date" type="date" className={inputClass} {...form.register("date")} />
      </Field>
      <div className="md:col-span-2">
        <Field label={t("activities.participants")} htmlFor="a-participants" error={e.participants?.message}>
          <input id="a-participants" className={inputClass} {...form.register("participants")} />
        </Field>
      </div>
      <div className="md:col-span-4">
        <Field label={t("activities.notes")} htmlFor="a-notes" error={e.notes?.message}>
          <textarea id="a-notes" rows={2} className={inputClass} {...form.register("notes")} />
        </Field>
      </div>
      <div>
        <button
          type="submit"
          disabled={form.formState.isSubmitting}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("activities.add")}
        </button>
      </div>
    </form>
  );
}
