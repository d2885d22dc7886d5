"use client";
import { useTranslations } from "next-intl";
import { endWarningOverrideAction, overrideWarningAction } from "@/app/(app)/projects/warning-actions";
import { useConfirm } from "@/components/ui/confirm";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { warningColors } from "@/lib/projects/stages";
import { requiredFields } from "@/lib/schemas";
import { warningOverrideSchema } from "@/lib/supervision/schemas";

type Values = { color: string; reason: string; until: string };
const required = requiredFields(warningOverrideSchema);

/** The manager's override of a project's colour: colour, reason, last day — asked first, naming the project. */
export function WarningOverrideForm({
  projectId,
  projectName,
  today,
  defaultUntil,
}: {
  projectId: string;
  projectName: string;
  today: string;
  defaultUntil: string;
}) {
  const t = useTranslations();
  const { confirm, dialog } = useConfirm();
  const blank: Values = { color: "YELLOW", reason: "", until: defaultUntil };
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: warningOverrideSchema,
    defaultValues: blank,
    action: (values) => overrideWarningAction(projectId, values),
    success: (data) =>
      t("warnings.panel.overriddenTo", { color: t(`warnings.${(data as { warning: string }).warning}`) }),
    onSuccess: () => form.reset(blank),
  });
  return (
    <form
      noValidate
      data-testid="warning-override-form"
      className="grid grid-cols-1 gap-2 md:grid-cols-[10rem_1fr_11rem_auto] md:items-start"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await form.trigger();
        if (!ok) return;
        const { color, until } = form.getValues();
        if (
          !(await confirm({
            title: t("warnings.panel.confirmOverride", { name: projectName, color: t(`warnings.${color}`) }),
            body: t("warnings.panel.confirmOverrideBody", { until }),
            confirmLabel: t("warnings.panel.overrideSubmit"),
          }))
        )
          return;
        await submit();
      }}
    >
      {dialog}
      <Field
        label={t("fields.warningOverride.color")}
        htmlFor="wo-color"
        error={fieldError("color")}
        required={required.has("color")}
      >
        <select id="wo-color" className={inputClass} {...form.register("color")}>
          {warningColors.map((c) => (
            <option key={c} value={c}>
              {t(`warnings.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t("fields.warningOverride.reason")}
        htmlFor="wo-reason"
        error={fieldError("reason")}
        required={required.has("reason")}
      >
        <input id="wo-reason" className={inputClass} maxLength={500} {...form.register("reason")} />
      </Field>
      <Field
        label={t("fields.warningOverride.until")}
        htmlFor="wo-until"
        error={fieldError("until")}
        required={required.has("until")}
      >
        <input id="wo-until" type="date" min={today} className={inputClass} {...form.register("until")} />
      </Field>
      <div className="md:pt-5">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm whitespace-nowrap text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("warnings.panel.overrideSubmit")}
        </button>
      </div>
      <FormError message={error} className="md:col-span-4" />
    </form>
  );
}

/** Ends the override before its last day (asked first: the computed colour returns). */
export function EndWarningOverride({
  projectId,
  projectName,
  computed,
}: {
  projectId: string;
  projectName: string;
  computed: string;
}) {
  const t = useTranslations();
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  return (
    <div>
      {dialog}
      <button
        type="button"
        data-testid="warning-override-end"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
        onClick={async () => {
          if (
            !(await confirm({
              title: t("warnings.panel.confirmEnd", { name: projectName }),
              body: t("warnings.panel.confirmEndBody", { color: t(`warnings.${computed}`) }),
              confirmLabel: t("warnings.panel.endOverride"),
            }))
          )
            return;
          run(() => endWarningOverrideAction(projectId), undefined, t("warnings.panel.ended"));
        }}
      >
        {t("warnings.panel.endOverride")}
      </button>
      {firstError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {firstError}
        </p>
      ) : null}
    </div>
  );
}
