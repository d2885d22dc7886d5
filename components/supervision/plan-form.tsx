"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { savePlanAction } from "@/app/(app)/supervision/dispatch/actions";
import { useConfirm } from "@/components/ui/confirm";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { MoneyHint } from "@/components/ui/money";
import { useSchemaForm } from "@/components/ui/schema-form";
import { pipelineStages } from "@/lib/projects/stages";
import { quarterEnd } from "@/lib/supervision/plan-dates";
import { savePlanSchema } from "@/lib/supervision/schemas";

type Milestone = { quarter: number; stage: string; investment: string; task: string; dueDate: string };
type Values = {
  year: number;
  goalStage: string;
  goalInvestment: string;
  leaderId: string;
  milestones: Milestone[];
  version?: number;
  reason: string;
};

export type PlanFormPlan = {
  goalStage: string;
  goalInvestment: string;
  leaderId: string;
  version: number;
  milestones: Milestone[];
};

/**
 * The year's plan: drafting it (制定年度计划), editing the draft, or — a manager, once the
 * leader has signed — changing it with a reason (confirmed first: the leader signs again).
 */
export function PlanForm({
  projectId,
  projectName,
  year,
  plan,
  change,
  currentStage,
  defaultLeaderId,
  leaders,
}: {
  projectId: string;
  projectName: string;
  year: number;
  plan: PlanFormPlan | null;
  /** The plan is signed: this save changes the letter (a reason is required). */
  change: boolean;
  currentStage: string;
  defaultLeaderId: string | null;
  leaders: { id: string; displayName: string }[];
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const { confirm, dialog } = useConfirm();
  const startStage = (pipelineStages as readonly string[]).includes(currentStage) ? currentStage : "LEAD";
  const defaults: Values = {
    year,
    goalStage: plan?.goalStage ?? startStage,
    goalInvestment: plan?.goalInvestment ?? "",
    leaderId: plan?.leaderId ?? defaultLeaderId ?? "",
    milestones: [1, 2, 3, 4].map(
      (quarter) =>
        plan?.milestones.find((m) => m.quarter === quarter) ?? {
          quarter,
          stage: startStage,
          investment: "",
          task: "",
          dueDate: quarterEnd(year, quarter),
        },
    ),
    version: plan?.version,
    reason: "",
  };
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: savePlanSchema,
    defaultValues: defaults,
    action: (values) => savePlanAction(projectId, year, values),
    success: change ? t("plans.changed") : t("plans.saved"),
    onSuccess: () => setOpen(false),
  });
  const label = plan ? (change ? t("plans.change") : t("plans.edit")) : t("plans.create");
  if (!open)
    return (
      <button
        type="button"
        data-testid="plan-open-form"
        onClick={() => {
          form.reset(defaults);
          setOpen(true);
        }}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800"
      >
        {label}
      </button>
    );
  return (
    <form
      noValidate
      data-testid="plan-form"
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (change) {
          if (!(await form.trigger())) return;
          const ok = await confirm({
            title: t("plans.changeConfirm", { project: projectName, year }),
            body: t("plans.changeBody"),
            confirmLabel: t("plans.changeButton"),
          });
          if (!ok) return;
        }
        await submit();
      }}
    >
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
        <Field label={t("plans.goalStage")} htmlFor="plan-goalStage" error={fieldError("goalStage")} required>
          <select id="plan-goalStage" className={inputClass} {...form.register("goalStage")}>
            {pipelineStages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={`${t("plans.goalInvestment")}（${t("common.wanYuan")}）`}
          htmlFor="plan-goalInvestment"
          error={fieldError("goalInvestment")}
          required
        >
          <input
            id="plan-goalInvestment"
            inputMode="decimal"
            className={inputClass}
            {...form.register("goalInvestment")}
          />
        </Field>
        <Field label={t("plans.leader")} htmlFor="plan-leaderId" error={fieldError("leaderId")} required>
          <select id="plan-leaderId" className={inputClass} {...form.register("leaderId")}>
            <option value="">{t("plans.chooseLeader")}</option>
            {leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.displayName}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <MoneyHint value={form.watch("goalInvestment")} />
      <FieldMessage htmlFor="plan-milestones" message={fieldError("milestones")} />
      <table className="min-w-full text-sm" data-testid="plan-form-milestones">
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th className="px-2 py-1">{t("plans.quarter")}</th>
            <th className="px-2 py-1">{t("plans.stage")}</th>
            <th className="px-2 py-1">
              {t("plans.investment")}（{t("common.wanYuan")}）
            </th>
            <th className="px-2 py-1">{t("plans.task")}</th>
            <th className="px-2 py-1">
              {t("plans.dueDate")} <span className="font-normal text-slate-400">{t("plans.dueHint")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[0, 1, 2, 3].map((i) => (
            <tr key={i} className="align-top">
              <th scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                {t(`plans.q${i + 1}`)}
              </th>
              <td className="px-2 py-1">
                <select
                  id={`plan-m${i}-stage`}
                  aria-label={`${t(`plans.q${i + 1}`)} ${t("plans.stage")}`}
                  className={inputClass}
                  {...form.register(`milestones.${i}.stage`)}
                >
                  {pipelineStages.map((s) => (
                    <option key={s} value={s}>
                      {t(`stages.${s}`)}
                    </option>
                  ))}
                </select>
                <FieldMessage htmlFor={`plan-m${i}-stage`} message={fieldError(`milestones.${i}.stage`)} />
                <FieldMessage htmlFor={`plan-m${i}-quarter`} message={fieldError(`milestones.${i}.quarter`)} />
              </td>
              <td className="px-2 py-1">
                <input
                  id={`plan-m${i}-investment`}
                  aria-label={`${t(`plans.q${i + 1}`)} ${t("plans.investment")}`}
                  inputMode="decimal"
                  className={inputClass}
                  {...form.register(`milestones.${i}.investment`)}
                />
                <FieldMessage htmlFor={`plan-m${i}-investment`} message={fieldError(`milestones.${i}.investment`)} />
              </td>
              <td className="px-2 py-1">
                <input
                  id={`plan-m${i}-task`}
                  aria-label={`${t(`plans.q${i + 1}`)} ${t("plans.task")}`}
                  className={inputClass}
                  {...form.register(`milestones.${i}.task`)}
                />
                <FieldMessage htmlFor={`plan-m${i}-task`} message={fieldError(`milestones.${i}.task`)} />
              </td>
              <td className="px-2 py-1">
                <input
                  id={`plan-m${i}-dueDate`}
                  aria-label={`${t(`plans.q${i + 1}`)} ${t("plans.dueDate")}`}
                  type="date"
                  className={inputClass}
                  {...form.register(`milestones.${i}.dueDate`)}
                />
                <FieldMessage htmlFor={`plan-m${i}-dueDate`} message={fieldError(`milestones.${i}.dueDate`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {change ? (
        <Field label={t("plans.reason")} htmlFor="plan-reason" error={fieldError("reason")} required>
          <textarea id="plan-reason" rows={2} className={inputClass} {...form.register("reason")} />
        </Field>
      ) : null}
      {change ? <p className="text-xs text-amber-700">{t("plans.reasonHint")}</p> : null}
      <FormError message={error} testId="plan-form-error" />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          data-testid="plan-save"
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("common.save")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100"
        >
          {t("plans.closeForm")}
        </button>
      </div>
      {dialog}
    </form>
  );
}
