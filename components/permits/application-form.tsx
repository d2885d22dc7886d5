"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { openPermitCaseAction, updateApplicationAction } from "@/app/(app)/permits/actions";
import { Field, inputClass } from "@/components/ui/field";
import { applicationSchema } from "@/lib/permits/schemas";

export type ApplicationValues = {
  applicant: string;
  landParcel: string;
  floorArea: string;
  buildingUse: string;
  designUnit: string;
  constructionUnit: string;
  plannedStartDate: string;
  contactPerson: string;
  contactPhone: string;
  description: string;
  fastTrack: boolean;
};

const textFields = [
  "applicant",
  "landParcel",
  "floorArea",
  "buildingUse",
  "designUnit",
  "constructionUnit",
  "plannedStartDate",
  "contactPerson",
  "contactPhone",
] as const;

/** 一表申请: opens the case (on the project) or edits its application (draft or 补正). */
export function ApplicationForm(
  props:
    | { mode: "open"; projectId: string; initial: Partial<ApplicationValues> }
    | { mode: "edit"; caseId: string; version: number; initial: ApplicationValues; fastTrackLocked: boolean },
) {
  const t = useTranslations();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const blank: ApplicationValues = {
    applicant: "",
    landParcel: "",
    floorArea: "",
    buildingUse: "",
    designUnit: "",
    constructionUnit: "",
    plannedStartDate: "",
    contactPerson: "",
    contactPhone: "",
    description: "",
    fastTrack: false,
  };
  const form = useForm<ApplicationValues>({
    resolver: zodResolver(applicationSchema as never, undefined, { raw: true }) as never,
    defaultValues: { ...blank, ...props.initial },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    const res =
      props.mode === "open"
        ? await openPermitCaseAction(props.projectId, values)
        : await updateApplicationAction(props.caseId, { ...values, version: props.version });
    if (res.ok) {
      if (props.mode === "open") router.push(`/permits/${res.data.id}`);
      router.refresh();
      return;
    }
    for (const [k, v] of Object.entries(res.error.fields ?? {}))
      form.setError(k as keyof ApplicationValues, { message: v });
    setNotice(res.error.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="application-form">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {textFields.map((f) => (
          <Field key={f} label={t(`permits.application.${f}`)} htmlFor={`pa-${f}`} error={errors[f]?.message}>
            <input
              id={`pa-${f}`}
              type={f === "plannedStartDate" ? "date" : "text"}
              inputMode={f === "floorArea" ? "decimal" : undefined}
              className={inputClass}
              {...form.register(f)}
            />
          </Field>
        ))}
      </div>
      <Field label={t("permits.application.description")} htmlFor="pa-description" error={errors.description?.message}>
        <textarea id="pa-description" rows={2} className={inputClass} {...form.register("description")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          disabled={props.mode === "edit" && props.fastTrackLocked}
          {...form.register("fastTrack")}
        />{" "}
        {t("permits.fastTrackLabel")}
      </label>
      {notice ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {notice}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={form.formState.isSubmitting}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {props.mode === "open" ? t("permits.open") : t("common.save")}
      </button>
    </form>
  );
}
