"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { decidePermitItemAction, resubmitPermitItemAction, submitPermitCaseAction } from "@/app/(app)/permits/actions";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

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

/** An approver's decision on one item: 准予许可 (certificate), 退回补正 (what is missing) or 不予许可 (reason). */
export function DecisionForm({ itemId, version, today }: { itemId: string; version: number; today: string }) {
  const t = useTranslations("permits");
  const { error, pending, run } = useAction();
  const [action, setAction] = useState<"APPROVE" | "RETURN" | "REJECT">("APPROVE");
  const [values, setValues] = useState({
    certificateNo: "",
    certificateDate: today,
    missing: "",
    reason: "",
    note: "",
  });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const fieldError = (k: string) =>
    error?.fields[k] ? (
      <p className="text-xs text-red-600" role="alert">
        {error.fields[k]}
      </p>
    ) : null;
  return (
    <form
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      data-testid={`decide-${itemId}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(() =>
          decidePermitItemAction(itemId, {
            action,
            version,
            ...(action === "APPROVE"
              ? { certificateNo: values.certificateNo, certificateDate: values.certificateDate, note: values.note }
              : action === "RETURN"
                ? { missing: values.missing, note: values.note }
                : { reason: values.reason }),
          }),
        );
      }}
    >
      <div className="flex flex-wrap gap-3 text-sm" role="radiogroup" aria-label={t("decision")}>
        {(["APPROVE", "RETURN", "REJECT"] as const).map((a) => (
          <label key={a} className="flex items-center gap-1">
            <input type="radio" name={`action-${itemId}`} checked={action === a} onChange={() => setAction(a)} />{" "}
            {t(`actions.${a}`)}
          </label>
        ))}
      </div>
      {action === "APPROVE" ? (
        <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
          <label className="text-xs text-slate-600">
            {t("certificateNo")}
            <input
              className={`${inputClass} mt-0.5`}
              value={values.certificateNo}
              onChange={set("certificateNo")}
              name="certificateNo"
            />
            {fieldError("certificateNo")}
          </label>
          <label className="text-xs text-slate-600">
            {t("certificateDate")}
            <input
              type="date"
              className={`${inputClass} mt-0.5`}
              value={values.certificateDate}
              onChange={set("certificateDate")}
              name="certificateDate"
            />
            {fieldError("certificateDate")}
          </label>
        </div>
      ) : null}
      {action === "RETURN" ? (
        <label className="block text-xs text-slate-600">
          {t("missing")}
          <textarea
            rows={3}
            className={`${inputClass} mt-0.5`}
            value={values.missing}
            onChange={set("missing")}
            name="missing"
            placeholder={t("missingHint")}
          />
          {fieldError("missing")}
        </label>
      ) : null}
      {action === "REJECT" ? (
        <label className="block text-xs text-slate-600">
          {t("reason")}
          <textarea
            rows={2}
            className={`${inputClass} mt-0.5`}
            value={values.reason}
            onChange={set("reason")}
            name="reason"
          />
          {fieldError("reason")}
        </label>
      ) : null}
      {action !== "REJECT" ? (
        <label className="block text-xs text-slate-600">
          {t("note")}
          <input className={`${inputClass} mt-0.5`} value={values.note} onChange={set("note")} name="note" />
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("confirmDecision")}
      </button>
    </form>
  );
}

/** The applicant's resubmission after 补正. */
export function ResubmitForm({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("permits");
  const { error, pending, run } = useAction();
  const [note, setNote] = useState("");
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      data-testid={`resubmit-${itemId}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => resubmitPermitItemAction(itemId, { note, version }));
      }}
    >
      <input
        className={`${inputClass} w-72`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t("resubmitHint")}
        aria-label={t("resubmitHint")}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-amber-600 px-3 py-1.5 text-sm text-white hover:bg-amber-700 disabled:opacity-50"
      >
        {t("resubmit")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error.fields.note ?? error.message}
        </p>
      ) : null}
    </form>
  );
}
