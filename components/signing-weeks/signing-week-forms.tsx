"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  addCandidateAction,
  confirmCandidateAction,
  createSigningWeekAction,
  removeCandidateAction,
  updateSigningWeekAction,
} from "@/app/(app)/signing-weeks/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useConfirm } from "@/components/ui/confirm";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { signingWeekSchema } from "@/lib/signing-weeks/schemas";

type Values = { name: string; startDate: string; endDate: string; note: string };

/** A new event, or an event's name, dates and note (with its version). */
export function SigningWeekForm({ event }: { event?: Values & { id: string; version: number } }) {
  const t = useTranslations("signingWeeks.page");
  const tf = useTranslations("fields.signingWeek");
  const router = useRouter();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: signingWeekSchema,
    defaultValues: {
      name: event?.name ?? "",
      startDate: event?.startDate ?? "",
      endDate: event?.endDate ?? "",
      note: event?.note ?? "",
    },
    action: (values) =>
      event
        ? updateSigningWeekAction(event.id, { ...values, version: event.version })
        : createSigningWeekAction(values),
    onSuccess: (data) => {
      if (!event) router.push(`/signing-weeks/${(data as { id: string }).id}`);
    },
  });
  const id = (f: string) => `week-${f}`;
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="signing-week-form" noValidate>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label={tf("name")} htmlFor={id("name")} error={fieldError("name")} required>
          <input id={id("name")} className={inputClass} {...form.register("name")} />
        </Field>
        <Field label={tf("startDate")} htmlFor={id("startDate")} error={fieldError("startDate")} required>
          <input id={id("startDate")} type="date" className={inputClass} {...form.register("startDate")} />
        </Field>
        <Field label={tf("endDate")} htmlFor={id("endDate")} error={fieldError("endDate")} required>
          <input id={id("endDate")} type="date" className={inputClass} {...form.register("endDate")} />
        </Field>
      </div>
      <Field label={tf("note")} htmlFor={id("note")} error={fieldError("note")}>
        <textarea id={id("note")} rows={2} className={inputClass} {...form.register("note")} />
      </Field>
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        data-testid="signing-week-save"
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {event ? t("save") : t("create")}
      </button>
    </form>
  );
}

/** Adds a proposed project (or one picked by hand) to the candidates. */
export function AddCandidateButton({
  eventId,
  version,
  projectId,
  proposed,
}: {
  eventId: string;
  version: number;
  projectId: string;
  proposed: boolean;
}) {
  const t = useTranslations("signingWeeks.page");
  const { run, pending, firstError } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        data-testid={`add-candidate-${projectId}`}
        className="text-xs text-brand-700 hover:underline"
        onClick={() => run(() => addCandidateAction(eventId, { projectId, proposed, version }), undefined, t("added"))}
      >
        {t("add")}
      </button>
      {firstError ? <span className="ml-2 text-xs text-red-700">{firstError}</span> : null}
    </>
  );
}

/** Picks a NEGOTIATING project by hand. */
export function AddByHand({
  eventId,
  version,
  choices,
}: {
  eventId: string;
  version: number;
  choices: { id: string; code: string; name: string }[];
}) {
  const t = useTranslations("signingWeeks.page");
  const [projectId, setProjectId] = useState("");
  const { run, pending, firstError } = useAction();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="add-by-hand">
      <label htmlFor="add-by-hand" className="text-xs text-slate-600">
        {t("addByHand")}
      </label>
      <select
        id="add-by-hand"
        value={projectId}
        onChange={(e) => setProjectId(e.target.value)}
        className={`${inputClass} max-w-md`}
      >
        <option value="">{t("choose")}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code} {c.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending || !projectId}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-50 disabled:opacity-50"
        onClick={() =>
          run(
            () => addCandidateAction(eventId, { projectId, version }),
            () => setProjectId(""),
            t("added"),
          )
        }
      >
        {t("add")}
      </button>
      {firstError ? <span className="text-xs text-red-700">{firstError}</span> : null}
    </div>
  );
}

/** Confirm / take back / remove a candidate (removal asks first). */
export function CandidateActions({
  eventId,
  version,
  projectId,
  projectName,
  confirmed,
}: {
  eventId: string;
  version: number;
  projectId: string;
  projectName: string;
  confirmed: boolean;
}) {
  const t = useTranslations("signingWeeks.page");
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  return (
    <span className="flex flex-wrap gap-3">
      <button
        type="button"
        disabled={pending}
        data-testid={`confirm-candidate-${projectId}`}
        className="text-xs text-brand-700 hover:underline"
        onClick={() => run(() => confirmCandidateAction(eventId, projectId, { confirmed: !confirmed, version }))}
      >
        {confirmed ? t("unconfirm") : t("confirm")}
      </button>
      <button
        type="button"
        disabled={pending}
        className="text-xs text-red-700 hover:underline"
        onClick={async () => {
          if (
            !(await confirm({
              title: t("removeTitle", { name: projectName }),
              confirmLabel: t("remove"),
              destructive: true,
            }))
          )
            return;
          run(() => removeCandidateAction(eventId, projectId, { version }));
        }}
      >
        {t("remove")}
      </button>
      {firstError ? <span className="text-xs text-red-700">{firstError}</span> : null}
      {dialog}
    </span>
  );
}
