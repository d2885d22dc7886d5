"use client";
import { uploadProjectFiles } from "@/components/ui/upload-files";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { addProgressAction } from "@/app/(app)/supervision/dispatch/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { MoneyHint } from "@/components/ui/money";
import { useSchemaForm } from "@/components/ui/schema-form";
import { progressEntrySchema } from "@/lib/supervision/schemas";

type Values = {
  date: string;
  investmentCompleted: string;
  percent: string;
  note: string;
  problems: string;
  attachmentIds: string[];
};

/**
 * 日调度: a progress entry. Photos and documents are uploaded to the project first (the
 * attachments API, with its type and size limits), then the entry links them by id.
 */
export function ProgressForm({ projectId, today, maxMb }: { projectId: string; today: string; maxMb: number }) {
  const t = useTranslations("progress");
  const files = useRef<HTMLInputElement>(null);
  const blank: Values = {
    date: today,
    investmentCompleted: "",
    percent: "",
    note: "",
    problems: "",
    attachmentIds: [],
  };
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: progressEntrySchema,
    defaultValues: blank,
    success: t("added"),
    action: async (values) => {
      const { uploaded, error } = await uploadProjectFiles(projectId, Array.from(files.current?.files ?? []), "OTHER");
      if (error)
        return { ok: false as const, error: { code: "VALIDATION", message: t("uploadFailed", { message: error }) } };
      const attachmentIds = uploaded.map((u) => u.id);
      return addProgressAction(projectId, { ...values, attachmentIds });
    },
    onSuccess: () => {
      form.reset(blank);
      if (files.current) files.current.value = "";
    },
  });
  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-2 md:grid-cols-3" data-testid="progress-form">
      <Field label={t("date")} htmlFor="progress-date" error={fieldError("date")} required>
        <input id="progress-date" type="date" max={today} className={inputClass} {...form.register("date")} />
      </Field>
      <Field
        label={t("investmentCompleted")}
        htmlFor="progress-investmentCompleted"
        error={fieldError("investmentCompleted")}
        required
      >
        <input
          id="progress-investmentCompleted"
          inputMode="decimal"
          className={inputClass}
          {...form.register("investmentCompleted")}
        />
        <MoneyHint value={form.watch("investmentCompleted")} />
      </Field>
      <Field label={`${t("percent")}（%）`} htmlFor="progress-percent" error={fieldError("percent")}>
        <input
          id="progress-percent"
          inputMode="decimal"
          placeholder={t("percentHint")}
          className={inputClass}
          {...form.register("percent")}
        />
      </Field>
      <div className="md:col-span-3">
        <Field label={t("note")} htmlFor="progress-note" error={fieldError("note")}>
          <textarea id="progress-note" rows={2} className={inputClass} {...form.register("note")} />
        </Field>
      </div>
      <div className="md:col-span-3">
        <Field label={t("problems")} htmlFor="progress-problems" error={fieldError("problems")}>
          <textarea id="progress-problems" rows={2} className={inputClass} {...form.register("problems")} />
        </Field>
      </div>
      <div className="md:col-span-3">
        <Field label={t("files")} htmlFor="progress-files" error={fieldError("attachmentIds")}>
          <input id="progress-files" ref={files} type="file" multiple className="block text-sm" />
        </Field>
        <p className="mt-0.5 text-xs text-slate-500">{t("filesHint", { mb: maxMb })}</p>
      </div>
      <FormError message={error} className="md:col-span-3" testId="progress-error" />
      <div>
        <button
          type="submit"
          disabled={pending}
          data-testid="progress-save"
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("add")}
        </button>
      </div>
    </form>
  );
}
