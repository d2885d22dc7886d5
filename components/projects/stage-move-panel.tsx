"use client";
import { useTranslations } from "next-intl";
import { moveStageAction } from "@/app/(app)/projects/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useConfirm } from "@/components/ui/confirm";
import { useSchemaForm } from "@/components/ui/schema-form";
import { MoneyHint } from "@/components/ui/money";
import { transitionSchema } from "@/lib/projects/schemas";

// Fields a target stage asks for, shown only when that stage is chosen.
const stageFields: Record<string, { name: StageField; type: string }[]> = {
  SIGNED: [
    { name: "signingDate", type: "date" },
    { name: "contractInvestment", type: "text" },
  ],
  REGISTERED: [{ name: "creditCode", type: "text" }],
  COMPLETED: [{ name: "completionDate", type: "date" }],
  PRODUCTION: [{ name: "productionDate", type: "date" }],
};
type StageField = "signingDate" | "contractInvestment" | "creditCode" | "completionDate" | "productionDate";
type Values = Record<StageField, string> & { to: string; note: string; version: number; inSigningWeek: boolean };

/** A 签约周's dates (the SIGNED form offers 签约周 as source channel for a date within them). */
export type SigningWeekRange = { name: string; startDate: string; endDate: string };

/**
 * The stage panel: the choices the stage machine allows this user, the fields the chosen
 * stage needs, and a note. The page renders it again (new key) after each move, so the
 * choices and fields are always those of the project's current stage.
 */
export function StageMovePanel({
  projectId,
  projectName,
  version,
  targets,
  defaults,
  signingWeeks = [],
}: {
  projectId: string;
  projectName: string;
  version: number;
  targets: string[];
  defaults: Record<string, string | null>;
  signingWeeks?: SigningWeekRange[];
}) {
  const t = useTranslations();
  const { confirm, dialog } = useConfirm();
  const { form, submit, error, setError, fieldError, pending } = useSchemaForm<Values>({
    schema: transitionSchema,
    defaultValues: {
      to: targets[0] ?? "",
      note: "",
      version,
      signingDate: defaults.signingDate ?? "",
      contractInvestment: defaults.contractInvestment ?? "",
      creditCode: defaults.creditCode ?? "",
      completionDate: defaults.completionDate ?? "",
      productionDate: defaults.productionDate ?? "",
      inSigningWeek: true,
    },
    // Only the chosen stage's own fields go with the move.
    success: (data) => t("projectPage.moved", { stage: t(`stages.${(data as { stage: string }).stage}`) }),
    action: ({ to, note, version: v, inSigningWeek, ...fields }) =>
      moveStageAction(projectId, {
        to,
        note,
        version: v,
        ...Object.fromEntries((stageFields[to] ?? []).map((f) => [f.name, fields[f.name]])),
        // 签约周 offered at signing: the channel goes with the move when the box stays ticked.
        ...(to === "SIGNED" && inSigningWeek && weekOf(fields.signingDate) ? { sourceChannel: "SIGNING_WEEK" } : {}),
      }),
  });
  const to = form.watch("to");
  const weekOf = (day: string) => (day ? signingWeeks.find((w) => w.startDate <= day && day <= w.endDate) : undefined);
  const week = to === "SIGNED" ? weekOf(form.watch("signingDate")) : undefined;
  if (targets.length === 0) return <p className="text-sm text-slate-500">{t("projectPage.noMoves")}</p>;
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="stage-move"
      onSubmit={async (e) => {
        e.preventDefault();
        // 终止 cannot be undone: asked first, naming the project.
        if (
          to === "TERMINATED" &&
          !(await confirm({
            title: t("projectPage.confirmTerminate", { name: projectName }),
            body: t("projectPage.confirmTerminateBody"),
            confirmLabel: t("stages.TERMINATED"),
            destructive: true,
          }))
        )
          return;
        await submit();
      }}
    >
      {dialog}
      <Field label={t("projectPage.moveTo")} htmlFor="move-to">
        <select
          id="move-to"
          className={inputClass}
          {...form.register("to", {
            onChange: () => {
              form.clearErrors();
              setError(null);
            },
          })}
        >
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {(stageFields[to] ?? []).map((f) => (
        <Field key={f.name} label={t(`projects.${f.name}`)} htmlFor={`move-${f.name}`} error={fieldError(f.name)}>
          <input id={`move-${f.name}`} type={f.type} className={inputClass} {...form.register(f.name)} />
          {f.name === "contractInvestment" ? <MoneyHint value={form.watch(f.name)} /> : null}
        </Field>
      ))}
      {week ? (
        <div className="rounded-md bg-brand-50 px-3 py-2 text-sm" data-testid="signing-week-offer">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" {...form.register("inSigningWeek")} />
            <span>{t("signingWeeks.page.offer", { name: week.name })}</span>
          </label>
          <FieldMessage htmlFor="move-sourceChannel" message={fieldError("sourceChannel")} />
        </div>
      ) : null}
      <Field label={t("projectPage.note")} htmlFor="move-note" error={fieldError("note")}>
        <textarea
          id="move-note"
          rows={2}
          className={inputClass}
          placeholder={t("projectPage.noteHint")}
          {...form.register("note")}
        />
      </Field>
      <FormError message={error} testId="move-error" />
      <button
        type="submit"
        disabled={pending || !to}
        className="w-full rounded-md bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("projectPage.move")}
      </button>
    </form>
  );
}
