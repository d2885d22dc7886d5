"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type Ask = {
  /** What is about to happen, naming the thing: "终止项目「碳化硼材料项目」？" */
  title: string;
  /** The consequence: "终止后不能恢复，项目不再计入在谈项目。" */
  body?: string;
  /** The button that goes ahead ("终止项目"); red when destructive. */
  confirmLabel: string;
  destructive?: boolean;
};

/**
 * The one confirmation before what cannot be undone or weighs much (终止, 不予许可, deletes,
 * role changes): a modal dialog naming the thing and the consequence, the destructive
 * button in red, Cancel (and Esc) changing nothing.
 *   const { confirm, dialog } = useConfirm();
 *   if (!(await confirm({ title, body, confirmLabel, destructive: true }))) return;
 *   … {dialog}
 */
export function useConfirm() {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const close = (ok: boolean) => {
    ref.current?.close();
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };
  const confirm = (a: Ask) =>
    new Promise<boolean>((resolve) => {
      resolver.current = resolve;
      setAsk(a);
      requestAnimationFrame(() => ref.current?.showModal());
    });
  // Mounted only while asking: a page with many rows holds one dialog at a time.
  const dialog = ask ? (
    <dialog
      ref={ref}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close(false);
      }}
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 className="text-base font-semibold text-slate-800">{ask.title}</h2>
        {ask.body ? <p className="mt-2 text-sm text-slate-600">{ask.body}</p> : null}
        <div className="mt-5 flex justify-end gap-2">
          <button
            type="button"
            autoFocus
            className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => close(false)}
          >
            {t("cancel")}
          </button>
          <button
            type="button"
            data-testid="confirm-yes"
            className={`rounded-md px-4 py-1.5 text-sm text-white ${
              ask.destructive ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800"
            }`}
            onClick={() => close(true)}
          >
            {ask.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  ) : null;
  return { confirm, dialog };
}
