"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ProblemRaiseForm, type DepartmentChoice } from "./problem-raise-form";

/** One click on a 日调度 entry: the raise form opens prefilled with the entry's problems, linked to it. */
export function RaiseFromEntry({
  projectId,
  entryId,
  problems,
  departments,
}: {
  projectId: string;
  entryId: string;
  problems: string;
  departments: DepartmentChoice[];
}) {
  const t = useTranslations("problems");
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-1">
      <button
        type="button"
        className="text-xs text-brand-700 hover:underline"
        aria-expanded={open}
        data-testid="raise-from-entry"
        onClick={() => setOpen((o) => !o)}
      >
        {t("actions.raiseFromEntry")}
      </button>
      {open ? (
        <div className="mt-2 w-[36rem] max-w-full rounded border border-slate-200 bg-white p-3 text-slate-800">
          <ProblemRaiseForm
            projectId={projectId}
            departments={departments}
            title={problems.split(/\n/)[0] ?? ""}
            progressEntryId={entryId}
            idPrefix={`entry-${entryId}`}
            onDone={() => setOpen(false)}
          />
        </div>
      ) : null}
    </div>
  );
}
