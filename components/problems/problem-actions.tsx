"use client";
import { useTranslations } from "next-intl";
import {
  escalateProblemAction,
  transitionProblemAction,
  updateProblemAction,
} from "@/app/(app)/supervision/problems/actions";
import { useConfirm } from "@/components/ui/confirm";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { problemCategories } from "@/lib/problems/problem-machine";
import { escalateProblemSchema, transitionProblemSchema, updateProblemSchema } from "@/lib/problems/schemas";
import type { DepartmentChoice } from "./problem-raise-form";

type Problem = {
  id: string;
  title: string;
  level: number;
  version: number;
  category: string;
  department: { code: string };
  dueDate: string;
  description: string | null;
  escalationProposedAt: string | null;
};
const button = "rounded-md px-4 py-1.5 text-sm text-white disabled:opacity-50";

/** 开始办理: one click. */
export function StartButton({ problem }: { problem: Problem }) {
  const t = useTranslations("problems");
  const { error, pending, run } = useAction();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        data-testid="problem-start"
        className={`${button} bg-sky-700 hover:bg-sky-800`}
        onClick={() =>
          run(
            () => transitionProblemAction(problem.id, { to: "IN_PROGRESS", version: problem.version }),
            undefined,
            t("done.started"),
          )
        }
      >
        {t("actions.start")}
      </button>
      <FormError message={error?.message} />
    </div>
  );
}

type TransitionValues = { to: string; resolution: string; reason: string; version: number };

/**
 * One text and one button for a transition: resolve (the resolution), close unresolved or
 * reopen (the reason). Closing and reopening are asked first.
 */
export function TransitionForm({ problem, to }: { problem: Problem; to: "RESOLVED" | "CLOSED_UNRESOLVED" | "OPEN" }) {
  const t = useTranslations("problems");
  const { confirm, dialog } = useConfirm();
  const field = to === "RESOLVED" ? "resolution" : "reason";
  const key = { RESOLVED: "resolve", CLOSED_UNRESOLVED: "closeUnresolved", OPEN: "reopen" }[to];
  const { form, submit, error, fieldError, pending } = useSchemaForm<TransitionValues>({
    schema: transitionProblemSchema,
    defaultValues: { to, resolution: "", reason: "", version: problem.version },
    action: (values) => transitionProblemAction(problem.id, values),
    success: t(`done.${key}`),
  });
  const id = `problem-${key}-${field}`;
  return (
    <form
      noValidate
      className="space-y-2"
      data-testid={`problem-${key}-form`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (to === "RESOLVED" || !(await form.trigger())) return submit(e);
        const ok = await confirm({
          title: t(`confirm.${key}Title`, { title: problem.title }),
          body: t(`confirm.${key}Body`),
          confirmLabel: t(`actions.${key}`),
          destructive: to === "CLOSED_UNRESOLVED",
        });
        if (ok) await submit(e);
      }}
    >
      <Field label={t(`form.${field}`)} htmlFor={id} error={fieldError(field)} required>
        <textarea id={id} rows={2} className={inputClass} {...form.register(field)} />
      </Field>
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className={`${button} ${to === "RESOLVED" ? "bg-emerald-700 hover:bg-emerald-800" : to === "OPEN" ? "bg-brand-700 hover:bg-brand-800" : "bg-slate-600 hover:bg-slate-700"}`}
      >
        {t(`actions.${key}`)}
      </button>
      {dialog}
    </form>
  );
}

/** 提级: the reason, asked first; says when the daily job proposed it (建议提级). */
export function EscalateForm({ problem }: { problem: Problem }) {
  const t = useTranslations("problems");
  const { confirm, dialog } = useConfirm();
  const { form, submit, error, fieldError, pending } = useSchemaForm<{ reason: string; version: number }>({
    schema: escalateProblemSchema,
    defaultValues: { reason: "", version: problem.version },
    action: (values) => escalateProblemAction(problem.id, values),
    success: t("done.escalated", { level: problem.level + 1 }),
  });
  return (
    <form
      noValidate
      className="space-y-2"
      data-testid="problem-escalate-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!(await form.trigger())) return submit(e);
        const ok = await confirm({
          title: t("confirm.escalateTitle", { title: problem.title }),
          body: t("confirm.escalateBody", { level: t(`levelNames.${problem.level + 1}` as never) }),
          confirmLabel: t("actions.escalate"),
        });
        if (ok) await submit(e);
      }}
    >
      {problem.escalationProposedAt ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">{t("form.proposedHint")}</p>
      ) : null}
      <Field label={t("form.reason")} htmlFor="problem-escalate-reason" error={fieldError("reason")} required>
        <textarea id="problem-escalate-reason" rows={2} className={inputClass} {...form.register("reason")} />
      </Field>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${button} bg-amber-600 hover:bg-amber-700`}>
        {t("actions.escalate")}
      </button>
      {dialog}
    </form>
  );
}

type EditValues = {
  title: string;
  category: string;
  department: string;
  dueDate: string;
  description: string;
  version: number;
};

/** 修改问题: title, category, department, due date, description. */
export function EditProblemForm({ problem, departments }: { problem: Problem; departments: DepartmentChoice[] }) {
  const t = useTranslations("problems");
  const tf = useTranslations("fields.problem");
  const { form, submit, error, fieldError, pending } = useSchemaForm<EditValues>({
    schema: updateProblemSchema,
    defaultValues: {
      title: problem.title,
      category: problem.category,
      department: problem.department.code,
      dueDate: problem.dueDate,
      description: problem.description ?? "",
      version: problem.version,
    },
    action: (values) => updateProblemAction(problem.id, values),
  });
  return (
    <form noValidate onSubmit={submit} className="space-y-2" data-testid="problem-edit-form">
      <Field label={tf("title")} htmlFor="problem-edit-title" error={fieldError("title")} required>
        <input id="problem-edit-title" className={inputClass} {...form.register("title")} />
      </Field>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
        <Field label={tf("category")} htmlFor="problem-edit-category" error={fieldError("category")}>
          <select id="problem-edit-category" className={inputClass} {...form.register("category")}>
            {problemCategories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("department")} htmlFor="problem-edit-department" error={fieldError("department")}>
          <select id="problem-edit-department" className={inputClass} {...form.register("department")}>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("dueDate")} htmlFor="problem-edit-dueDate" error={fieldError("dueDate")}>
          <input id="problem-edit-dueDate" type="date" className={inputClass} {...form.register("dueDate")} />
        </Field>
      </div>
      <Field label={tf("description")} htmlFor="problem-edit-description" error={fieldError("description")}>
        <textarea id="problem-edit-description" rows={3} className={inputClass} {...form.register("description")} />
      </Field>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${button} bg-brand-700 hover:bg-brand-800`}>
        {t("actions.save")}
      </button>
    </form>
  );
}
