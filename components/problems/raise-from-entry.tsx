"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ProblemRaiseForm, type DepartmentChoice } from "./problem-raise-form";

/**
 * One click on a 日调度 entry: the raise form opens prefilled with the entry's problems, linked
 * to it — in a modal dialog over the list (Esc or 取消 closes it), so the entry's row keeps its
 * width and the form has room.
 */
export function RaiseFromEntry({
  projectId,
  entryId,
  entryDate,
  problems,
  departments,
}: {
  projectId: string;
  entryId: string;
  entryDate: string;
  problems: string;
  departments: DepartmentChoice[];
}) {
  const t = useTranslations("problems");
  const tc = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) ref.current?.showModal();
  }, [open]);
  const close = () => {
    ref.current?.close();
    setOpen(false);
  };
  return (
    <div className="mt-1">
      <button
        type="button"
        className="text-xs text-brand-700 hover:underline"
        aria-haspopup="dialog"
        data-testid="raise-from-entry"
        onClick={() => setOpen(true)}
      >
        {t("actions.raiseFromEntry")}
      </button>
      {open ? (
        <dialog
          ref={ref}
          data-testid="raise-from-entry-dialog"
          aria-label={t("fromEntryTitle", { date: entryDate })}
          onCancel={(e) => {
            e.preventDefault();
            close();
          }}
          className="m-auto w-full max-w-xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
        >
          <div className="space-y-3 p-5 text-slate-800">
            <div className="flex items-start justify-between gap-3">
              <h2 className="text-base font-semibold">{t("fromEntryTitle", { date: entryDate })}</h2>
              <button
                type="button"
                className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
                onClick={close}
              >
                {tc("cancel")}
              </button>
            </div>
            <ProblemRaiseForm
              projectId={projectId}
              departments={departments}
              title={problems.split(/\n/)[0] ?? ""}
              progressEntryId={entryId}
              idPrefix={`entry-${entryId}`}
              onDone={close}
            />
          </div>
        </dialog>
      ) : null}
    </div>
  );
}
