"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveStageAction } from "@/app/(app)/projects/actions";
import { Field, inputClass } from "@/components/ui/field";

// Fields a target stage asks for, shown only when that stage is chosen.
const stageFields: Record<string, { name: string; type: string }[]> = {
  SIGNED: [
    { name: "signingDate", type: "date" },
    { name: "contractInvestment", type: "text" },
  ],
  REGISTERED: [{ name: "creditCode", type: "text" }],
  COMPLETED: [{ name: "completionDate", type: "date" }],
  PRODUCTION: [{ name: "productionDate", type: "date" }],
};

export function StageMovePanel({
  projectId,
  version,
  targets,
  defaults,
}: {
  projectId: string;
  version: number;
  targets: string[];
  defaults: Record<string, string | null>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [to, setTo] = useState(targets[0] ?? "");
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  if (targets.length === 0) return <p className="text-sm text-slate-500">{t("projectPage.noMoves")}</p>;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await moveStageAction(projectId, { to, version, ...values });
      if (res.ok) {
        setError(null);
        setValues({});
        router.refresh();
      } else setError({ message: res.error.message, fields: res.error.fields ?? {} });
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" data-testid="stage-move">
      <Field label={t("projectPage.moveTo")} htmlFor="move-to">
        <select
          id="move-to"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setError(null);
          }}
          className={inputClass}
        >
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {(stageFields[to] ?? []).map((f) => (
        <Field key={f.name} label={t(`projects.${f.name}`)} htmlFor={`move-${f.name}`} error={error?.fields[f.name]}>
          <input
            id={`move-${f.name}`}
            type={f.type}
            className={inputClass}
            value={values[f.name] ?? defaults[f.name] ?? ""}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        </Field>
      ))}
      <Field label={t("projectPage.note")} htmlFor="move-note" error={error?.fields.note}>
        <textarea
          id="move-note"
          rows={2}
          className={inputClass}
          value={values.note ?? ""}
          onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
          placeholder={t("projectPage.noteHint")}
        />
      </Field>
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="move-error">
          {error.message}
        </p>
      ) : null}
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
