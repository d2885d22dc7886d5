"use client";
import { useTranslations } from "next-intl";
import { decidePermitItemAction, resubmitPermitItemAction, submitPermitCaseAction } from "@/app/(app)/permits/actions";
import { FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { decisionSchema, resubmitSchema } from "@/lib/permits/schemas";
import { useAction } from "@/components/ui/use-action";
import { useConfirm } from "@/components/ui/confirm";

export function SubmitCaseButton({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations("permits");
  const { error, pending, run } = useAction();
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => submitPermitCaseAction(caseId, { version }))}
        className="rounded-md bg-emerald-700 px-4 py-1.5 text-sm text-white hover:bg-emerald-800 disabled:opacity-50"
        data-testid="submit-case"
      >
        {t("submit")}
      </button>
      {error ? (
        <div role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="submit-error">
          {error.message}
          {Object.keys(error.fields).length ? (
            <span>
              ：
              {Object.keys(error.fields)
                .map((k) => t(`application.${k}`))
                .join("、")}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

type DecisionValues = {
  action: "APPROVE" | "RETURN" | "REJECT" | null;
  certificateNo: string;
  certificateDate: string;
  missing: string;
  reason: string;
  note: string;
  version: number;
};

/**
 * An approver's decision on one item: 准予许可 (certificate), 退回补正 (what is missing) or
 * 不予许可 (reason). Nothing is chosen at first: the approver picks, and the form asks when
 * they have not. 不予许可 rejects the whole case, so it asks for confirmation first.
 */
export function DecisionForm({
  itemId,
  version,
  today,
  permitTypeName,
  projectName,
}: {
  itemId: string;
  version: number;
  today: string;
  permitTypeName: string;
  projectName: string;
}) {
  const t = useTranslations("permits");
  const { confirm, dialog } = useConfirm();
  const { form, submit, error, fieldError, pending } = useSchemaForm<DecisionValues>({
    schema: decisionSchema,
    defaultValues: {
      action: null,
      certificateNo: "",
      certificateDate: today,
      missing: "",
      reason: "",
      note: "",
      version,
    },
    // Only the chosen decision's own fields go to the server.
    action: ({ action, certificateNo, certificateDate, missing, reason, note }) =>
      decidePermitItemAction(itemId, {
        action,
        version,
        ...(action === "APPROVE"
          ? { certificateNo, certificateDate, note }
          : action === "RETURN"
            ? { missing, note }
            : { reason }),
      }),
    success: (data) => {
      const d = data as { state: string; itemState: string };
      return t(`decided.${d.state === "ISSUED" ? "ISSUED" : d.itemState}`);
    },
  });
  const action = form.watch("action");
  const text = (name: "certificateNo" | "certificateDate" | "missing" | "reason" | "note", input: React.ReactNode) => (
    <label className="block text-xs text-slate-600">
      {t(name)}
      {input}
      {fieldError(name) ? (
        <p className="text-xs text-red-600" role="alert">
          {fieldError(name)}
        </p>
      ) : null}
    </label>
  );
  return (
    <form
      noValidate
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      data-testid={`decide-${itemId}`}
      onSubmit={async (e) => {
        e.preventDefault();
        // The form's own checks first (a reason is required); then, for 不予许可, the question.
        if (
          form.getValues("action") === "REJECT" &&
          (await form.trigger()) &&
          !(await confirm({
            title: t("rejectConfirm.title", { permit: permitTypeName }),
            body: t("rejectConfirm.body", { project: projectName }),
            confirmLabel: t("actions.REJECT"),
            destructive: true,
          }))
        )
          return;
        await submit(e);
      }}
    >
      <div className="flex flex-wrap gap-3 text-sm" role="radiogroup" aria-label={t("decision")}>
        {(["APPROVE", "RETURN", "REJECT"] as const).map((a) => (
          <label key={a} className="flex items-center gap-1">
            <input type="radio" value={a} {...form.register("action")} /> {t(`actions.${a}`)}
          </label>
        ))}
      </div>
      {fieldError("action") ? (
        <p className="text-xs text-red-600" role="alert" data-field-error="action">
          {fieldError("action")}
        </p>
      ) : null}
      {action === "APPROVE" ? (
        <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
          {text("certificateNo", <input className={`${inputClass} mt-0.5`} {...form.register("certificateNo")} />)}
          {text(
            "certificateDate",
            <input type="date" className={`${inputClass} mt-0.5`} {...form.register("certificateDate")} />,
          )}
        </div>
      ) : null}
      {action === "RETURN"
        ? text(
            "missing",
            <textarea
              rows={3}
              className={`${inputClass} mt-0.5`}
              placeholder={t("missingHint")}
              {...form.register("missing")}
            />,
          )
        : null}
      {action === "REJECT" ? (
        <>
          <p className="text-xs text-red-700">{t("rejectWarning")}</p>
          {text("reason", <textarea rows={2} className={`${inputClass} mt-0.5`} {...form.register("reason")} />)}
        </>
      ) : null}
      {action === "APPROVE" || action === "RETURN"
        ? text("note", <input className={`${inputClass} mt-0.5`} {...form.register("note")} />)
        : null}
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("confirmDecision")}
      </button>
      {dialog}
    </form>
  );
}

/** The applicant's resubmission after 补正: the item's clock runs again, its due date moved by the days it waited. */
export function ResubmitForm({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("permits");
  const { form, submit, error, fieldError, pending } = useSchemaForm<{ note: string; version: number }>({
    schema: resubmitSchema,
    defaultValues: { note: "", version },
    action: (values) => resubmitPermitItemAction(itemId, values),
    success: (data) => t("resubmitted", { date: (data as { dueDate: string }).dueDate }),
  });
  const message = fieldError("note") ?? error;
  return (
    <form noValidate className="flex flex-wrap items-start gap-2" data-testid={`resubmit-${itemId}`} onSubmit={submit}>
      <input
        className={`${inputClass} w-72`}
        placeholder={t("resubmitHint")}
        aria-label={t("resubmitHint")}
        {...form.register("note")}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-amber-600 px-3 py-1.5 text-sm text-white hover:bg-amber-700 disabled:opacity-50"
      >
        {t("resubmit")}
      </button>
      {message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </form>
  );
}
