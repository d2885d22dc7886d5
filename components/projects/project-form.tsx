"use client";
import { ChainLinkOptions } from "@/components/chains/link-options";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { Controller, useFieldArray } from "react-hook-form";
import { createProjectAction, updateProjectAction } from "@/app/(app)/projects/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { MoneyHint } from "@/components/ui/money";
import { createProjectSchema, sourceChannels, updateProjectSchema } from "@/lib/projects/schemas";
import type { ProjectReferenceData } from "@/lib/reference/queries";
import { requiredFields } from "@/lib/schemas";
import type { DuplicateReport } from "@/lib/enterprises/duplicates";
import { DuplicatePanel } from "./duplicate-panel";

export type ProjectFormValues = {
  name: string;
  enterpriseName: string;
  creditCode: string;
  industryId: string;
  parkId: string;
  ownerId?: string;
  leaderId: string;
  totalInvestment: string;
  fixedAssetInvestment?: string;
  foreignCapital?: string;
  expectedAnnualOutput?: string;
  expectedAnnualTax?: string;
  landArea?: string;
  sourceChannel: string;
  keyProject: boolean;
  plannedStartDate: string;
  signingDate?: string;
  contractInvestment?: string;
  completionDate?: string;
  productionDate?: string;
  description: string;
  contacts: { name: string; title?: string; phone?: string }[];
  tags: string[];
  linkIds: string[];
};
type Values = ProjectFormValues;

type Props = {
  mode: "create" | "edit";
  refs: ProjectReferenceData;
  initial?: Values & { id: string; version: number };
  canAssign: boolean;
};

const moneyFields = [
  "totalInvestment",
  "fixedAssetInvestment",
  "foreignCapital",
  "expectedAnnualOutput",
  "expectedAnnualTax",
  "landArea",
] as const;

type SaveOptions = { checkDuplicates: boolean; enterprise: { id: string; name: string } | null };

/** Create and edit form of a project; the same zod schema is parsed again on the server. */
export function ProjectForm({ mode, refs, initial, canAssign }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [duplicates, setDuplicates] = useState<DuplicateReport | null>(null);
  const [linked, setLinked] = useState<{ id: string; name: string } | null>(null);
  // A new project is first checked for near duplicates; the user then links an existing
  // enterprise, goes to an existing project (增资扩产), or confirms that it is new.
  const saveOptions = useRef<SaveOptions>({ checkDuplicates: true, enterprise: null });
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: mode === "create" ? createProjectSchema : updateProjectSchema,
    defaultValues: initial ?? {
      name: "",
      enterpriseName: "",
      creditCode: "",
      // No silent default: the user chooses the industry.
      industryId: "",
      parkId: "",
      totalInvestment: "",
      sourceChannel: "PROFESSIONAL",
      keyProject: false,
      leaderId: "",
      contacts: [],
      tags: [],
      linkIds: [],
      description: "",
      plannedStartDate: "",
    },
    action: (values) =>
      mode === "create"
        ? createProjectAction({
            ...values,
            checkDuplicates: saveOptions.current.checkDuplicates,
            enterpriseId: saveOptions.current.enterprise?.id ?? "",
          })
        : updateProjectAction(initial!.id, { ...values, version: initial!.version }),
    onSuccess: (data) => router.push(`/projects/${(data as { id: string }).id}`),
    onRefused: (e) => {
      setDuplicates(e.code === "DUPLICATE_SUSPECTED" ? (e.details as DuplicateReport) : null);
      return e.code === "DUPLICATE_SUSPECTED";
    },
  });
  const contacts = useFieldArray({ control: form.control, name: "contacts" });
  const required = useMemo(() => requiredFields(mode === "create" ? createProjectSchema : updateProjectSchema), [mode]);
  const err = fieldError;
  const save = (options: SaveOptions) => {
    saveOptions.current = options;
    return submit();
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    void save({ checkDuplicates: true, enterprise: linked });
  };
  const resolveDuplicate = (choice: { linkEnterprise?: { id: string; name: string }; createAnyway?: boolean }) => {
    if (choice.linkEnterprise) {
      setLinked(choice.linkEnterprise);
      form.setValue("enterpriseName", choice.linkEnterprise.name);
      // The user has seen the matches and chosen this enterprise: the lead is saved on it.
      return save({ checkDuplicates: false, enterprise: choice.linkEnterprise });
    }
    return save({ checkDuplicates: false, enterprise: linked });
  };

  const text = (name: keyof Values, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} htmlFor={`f-${name}`} error={err(name)} required={required.has(name)}>
      <input id={`f-${name}`} className={inputClass} {...props} {...form.register(name)} />
    </Field>
  );

  const choice = (name: keyof Values, label: string, options: { id: string; label: string }[], blank = true) => (
    <Field label={label} htmlFor={`f-${name}`} error={err(name)} required={required.has(name)}>
      <select id={`f-${name}`} className={inputClass} {...form.register(name)}>
        {blank ? <option value="">{required.has(name) ? t("common.choose") : "—"}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="project-form">
      <fieldset className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700">{t("projectForm.basics")}</legend>
        {text("name", t("projects.name"))}
        {text("enterpriseName", t("projects.enterprise"))}
        {text("creditCode", t("projects.creditCode"), { placeholder: "91370200XXXXXXXXXX", maxLength: 18 })}
        {choice("industryId", t("projects.industry"), refs.industries, mode === "create")}
        {choice("parkId", t("projects.park"), refs.parks)}
        {choice(
          "sourceChannel",
          t("projects.sourceChannel"),
          sourceChannels.map((c) => ({ id: c, label: t(`sourceChannels.${c}`) })),
          false,
        )}
        {mode === "create" || canAssign ? choice("leaderId", t("projects.leader"), refs.leaders) : null}
        {mode === "edit" && canAssign ? choice("ownerId", t("projects.owner"), refs.owners, false) : null}
        {text("plannedStartDate", t("projects.plannedStartDate"), { type: "date" })}
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" {...form.register("keyProject")} /> {t("projects.keyProject")}
        </label>
        {refs.chains.length ? (
          <Field label={t("projects.links")} htmlFor="f-linkIds" error={err("linkIds")}>
            <select id="f-linkIds" multiple size={4} className={inputClass} {...form.register("linkIds")}>
              <ChainLinkOptions chains={refs.chains} />
            </select>
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700">{t("projectForm.figures")}</legend>
        {moneyFields.map((f) => (
          <div key={f}>
            {text(f, t(`projects.${f}`), { inputMode: "decimal" })}
            {f === "landArea" || f === "foreignCapital" ? null : <MoneyHint value={form.watch(f)} />}
          </div>
        ))}
        {mode === "edit" ? (
          <>
            {text("signingDate", t("projects.signingDate"), { type: "date" })}
            {text("contractInvestment", t("projects.contractInvestment"), { inputMode: "decimal" })}
            {text("completionDate", t("projects.completionDate"), { type: "date" })}
            {text("productionDate", t("projects.productionDate"), { type: "date" })}
          </>
        ) : null}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">{t("projectForm.contacts")}</legend>
        {contacts.fields.map((c, i) => (
          <div key={c.id} className="grid grid-cols-1 gap-2 md:grid-cols-4">
            <input
              aria-label={t("projectForm.contactName")}
              placeholder={t("projectForm.contactName")}
              className={inputClass}
              {...form.register(`contacts.${i}.name` as const)}
            />
            <input
              aria-label={t("projectForm.contactTitle")}
              placeholder={t("projectForm.contactTitle")}
              className={inputClass}
              {...form.register(`contacts.${i}.title` as const)}
            />
            <input
              aria-label={t("projectForm.contactPhone")}
              placeholder={t("projectForm.contactPhone")}
              className={inputClass}
              {...form.register(`contacts.${i}.phone` as const)}
            />
            <button type="button" className="text-left text-sm text-red-600" onClick={() => contacts.remove(i)}>
              {t("projectForm.remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-sm"
          onClick={() => contacts.append({ name: "", title: "", phone: "" })}
        >
          {t("projectForm.addContact")}
        </button>
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <Controller
          control={form.control}
          name="tags"
          render={({ field }) => (
            <Field label={t("projects.tags")} htmlFor="f-tags" error={err("tags")}>
              <input
                id="f-tags"
                className={inputClass}
                placeholder={t("projectForm.tagsHint")}
                defaultValue={(field.value ?? []).join("，")}
                onChange={(e) =>
                  field.onChange(
                    e.target.value
                      .split(/[,，\s]+/)
                      .map((s) => s.trim())
                      .filter(Boolean),
                  )
                }
              />
            </Field>
          )}
        />
        <Field label={t("projects.description")} htmlFor="f-description" error={err("description")}>
          <textarea id="f-description" rows={3} className={inputClass} {...form.register("description")} />
        </Field>
      </fieldset>

      {linked ? (
        <p className="text-sm text-slate-600" data-testid="linked-enterprise">
          {t("duplicates.linked", { name: linked.name })}{" "}
          <button type="button" className="text-brand-700 underline" onClick={() => setLinked(null)}>
            {t("duplicates.unlink")}
          </button>
        </p>
      ) : null}
      {duplicates ? (
        <DuplicatePanel
          report={duplicates}
          linkedId={linked?.id ?? null}
          onLink={(e) => resolveDuplicate({ linkEnterprise: e })}
          onCreateAnyway={() => resolveDuplicate({ createAnyway: true })}
          busy={pending}
        />
      ) : null}
      <FormError message={error} testId="form-error" />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-5 py-2 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("common.saving") : t("common.save")}
        </button>
        <button
          type="button"
          onClick={() => router.back()}
          className="rounded-md border border-slate-300 px-5 py-2 text-sm"
        >
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
