"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { raiseProblemAction } from "@/app/(app)/supervision/problems/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { uploadProjectFiles } from "@/components/ui/upload-files";
import { problemCategories } from "@/lib/problems/problem-machine";
import { raiseProblemSchema } from "@/lib/problems/schemas";

export type DepartmentChoice = { code: string; name: string };

type Values = {
  projectId: string;
  title: string;
  category: string;
  department: string;
  dueDate: string;
  description: string;
  progressEntryId: string;
};

/** 提出问题 on a project (from its 督办 tab, or prefilled from a 日调度 entry's problems). */
export function ProblemRaiseForm({
  projectId,
  departments,
  title = "",
  progressEntryId = "",
  idPrefix = "problem",
  onDone,
}: {
  projectId: string;
  departments: DepartmentChoice[];
  title?: string;
  progressEntryId?: string;
  idPrefix?: string;
  onDone?: () => void;
}) {
  const t = useTranslations("problems");
  const tf = useTranslations("fields.problem");
  const files = useRef<HTMLInputElement>(null);
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: raiseProblemSchema,
    defaultValues: {
      projectId,
      title: title.slice(0, 200),
      category: "",
      department: "",
      dueDate: "",
      description: "",
      progressEntryId,
    },
    // Documents are uploaded to the project first, then the problem links them.
    action: async (values) => {
      const { uploaded, error } = await uploadProjectFiles(
        projectId,
        Array.from(files.current?.files ?? []),
        "DOCUMENT",
      );
      if (error)
        return {
          ok: false as const,
          error: { code: "VALIDATION", message: t("form.uploadFailed", { message: error }) },
        };
      return raiseProblemAction({ ...values, attachmentIds: uploaded.map((u) => u.id) });
    },
    success: t("done.raised"),
    onSuccess: () => {
      form.reset();
      if (files.current) files.current.value = "";
      onDone?.();
    },
  });
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form noValidate onSubmit={submit} className="space-y-3" data-testid="raise-problem-form">
      <Field label={tf("title")} htmlFor={id("title")} error={fieldError("title")} required>
        <input id={id("title")} className={inputClass} {...form.register("title")} />
      </Field>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label={tf("category")} htmlFor={id("category")} error={fieldError("category")} required>
          <select id={id("category")} className={inputClass} {...form.register("category")}>
            <option value="">{t("form.choose")}</option>
            {problemCategories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("department")} htmlFor={id("department")} error={fieldError("department")} required>
          <select id={id("department")} className={inputClass} {...form.register("department")}>
            <option value="">{t("form.choose")}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("dueDate")} htmlFor={id("dueDate")} error={fieldError("dueDate")}>
          <input id={id("dueDate")} type="date" className={inputClass} {...form.register("dueDate")} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">{t("form.dueHint")}</p>
      <Field label={tf("description")} htmlFor={id("description")} error={fieldError("description")}>
        <textarea id={id("description")} rows={3} className={inputClass} {...form.register("description")} />
      </Field>
      <Field label={t("form.files")} htmlFor={id("files")}>
        <input id={id("files")} ref={files} type="file" multiple className="block text-sm" />
      </Field>
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("actions.raise")}
      </button>
    </form>
  );
}
