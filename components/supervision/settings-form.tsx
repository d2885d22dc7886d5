"use client";
import { useTranslations } from "next-intl";
import { saveSupervisionSettingsAction } from "@/app/(app)/admin/supervision/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { updateSupervisionSettingsSchema } from "@/lib/supervision/schemas";
import type { SupervisionSettings } from "@/lib/supervision/settings-schema";

type Key = keyof SupervisionSettings;
type Values = Record<Key, string> & { version: number };
type Unit = "points" | "days" | "months" | "workingDays" | "percent" | "people";

/** The page's groups, each value with its unit. */
const groups: { id: "warning" | "notice" | "problem"; fields: [Key, Unit][] }[] = [
  {
    id: "warning",
    fields: [
      ["yellowBehindPoints", "points"],
      ["redBehindPoints", "points"],
      ["quarterEndDays", "days"],
      ["startOverdueMonths", "months"],
      ["noProgressDays", "days"],
    ],
  },
  {
    id: "notice",
    fields: [
      ["noticeReplyDays", "workingDays"],
      ["noticeResolveDays", "workingDays"],
      ["noticeMaxDays", "workingDays"],
      ["noticeReminderPercent", "percent"],
      ["noticeBulletinDays", "workingDays"],
    ],
  },
  {
    id: "problem",
    fields: [
      ["problemEscalateDays", "workingDays"],
      ["problemDueDays", "workingDays"],
      ["bulletinRankingSize", "people"],
    ],
  },
];

export function SupervisionSettingsForm({
  settings,
  defaults,
}: {
  settings: SupervisionSettings & { version: number };
  defaults: SupervisionSettings;
}) {
  const t = useTranslations("supervisionSettings");
  const tf = useTranslations("fields.supervisionSettings");
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: updateSupervisionSettingsSchema,
    defaultValues: {
      ...(Object.fromEntries(groups.flatMap((g) => g.fields.map(([k]) => [k, String(settings[k])]))) as Record<
        Key,
        string
      >),
      version: settings.version,
    },
    action: saveSupervisionSettingsAction,
    success: (data) => t((data as { recomputing?: boolean }).recomputing ? "saved" : "savedNoRecompute"),
  });
  return (
    <form onSubmit={submit} noValidate data-testid="supervision-settings">
      {groups.map((g) => (
        <fieldset key={g.id} className="mb-5">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t(`groups.${g.id}`)}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {g.fields.map(([key, unit]) => {
              const id = `settings-${key}`;
              return (
                <div key={key}>
                  <Field
                    label={t("labelWithUnit", { label: tf(key), unit: t(`units.${unit}`) })}
                    htmlFor={id}
                    error={fieldError(key)}
                    required
                  >
                    <input
                      id={id}
                      inputMode="decimal"
                      className={`${inputClass} max-w-40`}
                      aria-describedby={`${id}-help`}
                      {...form.register(key)}
                    />
                  </Field>
                  <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
                    {t(`help.${key}`)} · {t("defaults", { value: `${defaults[key]} ${t(`units.${unit}`)}` })}
                  </p>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <FormError message={error ?? fieldError("version")} className="mb-3" />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {t("save")}
        </button>
        <span className="text-xs text-slate-500">{t("version", { version: settings.version })}</span>
      </div>
    </form>
  );
}
