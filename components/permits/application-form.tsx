"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { openPermitCaseAction, updateApplicationAction } from "@/app/(app)/permits/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
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
  const { form, submit, error, fieldError, pending } = useSchemaForm<ApplicationValues>({
    schema: applicationSchema,
    defaultValues: { ...blank, ...props.initial },
    action: (values) =>
      props.mode === "open"
        ? openPermitCaseAction(props.projectId, values)
        : updateApplicationAction(props.caseId, { ...values, version: props.version }),
    onSuccess: (data) => {
      if (props.mode === "open") router.push(`/permits/${(data as { id: string }).id}`);
    },
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="application-form">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {textFields.map((f) => (
          <Field key={f} label={t(`permits.application.${f}`)} htmlFor={`pa-${f}`} error={fieldError(f)}>
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
      <Field label={t("permits.application.description")} htmlFor="pa-description" error={fieldError("description")}>
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
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {props.mode === "open" ? t("permits.open") : t("common.save")}
      </button>
    </form>
  );
}
