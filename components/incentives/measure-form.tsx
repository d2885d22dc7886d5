"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { createMeasureAction, updateMeasureAction } from "@/app/(app)/admin/incentive-measures/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { MoneyHint } from "@/components/ui/money";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useConfirm } from "@/components/ui/confirm";
import { useAction } from "@/components/ui/use-action";
import type { MeasureView } from "@/lib/incentives/measure-view";
import { incentiveCategories, incentiveFields, measureSchema } from "@/lib/incentives/schemas";

type Values = {
  name: string;
  category: string;
  field: string;
  tiers: { from: string; to: string; rate: string }[];
  threshold: string;
  cap: string;
  years: string;
  validFrom: string;
  validTo: string;
  description: string;
};

const blankTier = { from: "", to: "", rate: "" };

/** Rates as people type them: "2%" or "2.5%" becomes 0.02 / 0.025 (string arithmetic, no floats). */
function rateOf(v: string): string {
  const s = v.normalize("NFKC").trim();
  const m = /^(\d+)(?:\.(\d+))?\s*%$/.exec(s);
  if (!m) return s;
  const digits = `${m[1]}${m[2] ?? ""}`;
  const point = m[1].length - 2;
  const padded = point <= 0 ? `${"0".repeat(1 - point)}${digits}` : digits;
  const at = Math.max(point, 1);
  const out = `${padded.slice(0, at)}.${padded.slice(at)}`.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
  return out === "" ? "0" : out;
}

/**
 * A measure's form (new, or editing one with its version): name, category, the project field
 * it applies to, the tiers (bands from ≤ base < to; the last may be open), threshold, cap,
 * years paid over, validity. The same schema as the API checks it in the browser.
 */
export function MeasureForm({ measure, onDone }: { measure?: MeasureView; onDone?: () => void }) {
  const t = useTranslations("incentives.admin");
  const tf = useTranslations("fields.incentive");
  const tc = useTranslations("incentives.categories");
  const tfield = useTranslations("incentives.fields");
  const router = useRouter();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: measureSchema,
    defaultValues: {
      name: measure?.name ?? "",
      category: measure?.category ?? "EQUIPMENT",
      field: measure?.field ?? "fixedAssetInvestment",
      tiers: measure?.tiers.map((x) => ({ from: x.from, to: x.to ?? "", rate: x.rate })) ?? [{ ...blankTier }],
      threshold: measure?.threshold ?? "",
      cap: measure?.cap ?? "",
      years: String(measure?.years ?? 1),
      validFrom: measure?.validFrom ?? "",
      validTo: measure?.validTo ?? "",
      description: measure?.description ?? "",
    },
    action: (values) => {
      const input = { ...values, tiers: values.tiers.map((x) => ({ ...x, rate: rateOf(x.rate) })) };
      return measure
        ? updateMeasureAction(measure.id, { ...input, version: measure.version })
        : createMeasureAction(input);
    },
    onSuccess: () => {
      if (measure) router.push("/admin/incentive-measures");
      else form.reset();
      onDone?.();
    },
  });
  const tiers = useFieldArray({ control: form.control, name: "tiers" });
  const id = (f: string) => `measure-${f}`;
  // Foreign capital is counted in 万美元: the bands and the threshold are in the base's unit (the
  // cap is the award's, 万元).
  const usd = form.watch("field") === "foreignCapital";
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="measure-form" noValidate>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label={tf("name")} htmlFor={id("name")} error={fieldError("name")} required>
          <input id={id("name")} className={inputClass} {...form.register("name")} />
        </Field>
        <Field label={tf("category")} htmlFor={id("category")} error={fieldError("category")} required>
          <select id={id("category")} className={inputClass} {...form.register("category")}>
            {incentiveCategories.map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("field")} htmlFor={id("field")} error={fieldError("field")} required>
          <select id={id("field")} className={inputClass} {...form.register("field")}>
            {incentiveFields.map((f) => (
              <option key={f} value={f}>
                {tfield(f)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-xs font-medium text-slate-600">{tf("tiers")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("tiersHelp")}</p>
        <div className="space-y-2" data-testid="tiers-editor">
          {tiers.fields.map((row, i) => (
            <div key={row.id} className="grid grid-cols-[1fr_1fr_1fr_auto] items-start gap-2" data-tier={i}>
              <div>
                <input
                  id={id(`tiers-${i}-from`)}
                  aria-label={`${tf(usd ? "tiers_from_usd" : "tiers_from")} ${i + 1}`}
                  placeholder={tf(usd ? "tiers_from_usd" : "tiers_from")}
                  className={inputClass}
                  {...form.register(`tiers.${i}.from`)}
                />
                <FieldMessage htmlFor={id(`tiers-${i}-from`)} message={fieldError(`tiers.${i}.from`)} />
              </div>
              <div>
                <input
                  id={id(`tiers-${i}-to`)}
                  aria-label={`${tf(usd ? "tiers_to_usd" : "tiers_to")} ${i + 1}`}
                  placeholder={t("toPlaceholder")}
                  className={inputClass}
                  {...form.register(`tiers.${i}.to`)}
                />
                <FieldMessage htmlFor={id(`tiers-${i}-to`)} message={fieldError(`tiers.${i}.to`)} />
              </div>
              <div>
                <input
                  id={id(`tiers-${i}-rate`)}
                  aria-label={`${tf("tiers_rate")} ${i + 1}`}
                  placeholder={t("ratePlaceholder")}
                  className={inputClass}
                  {...form.register(`tiers.${i}.rate`, { setValueAs: (v: string) => rateOf(v ?? "") })}
                />
                <FieldMessage htmlFor={id(`tiers-${i}-rate`)} message={fieldError(`tiers.${i}.rate`)} />
              </div>
              <button
                type="button"
                className="rounded-md border border-slate-300 px-2 py-1.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40"
                onClick={() => tiers.remove(i)}
                disabled={tiers.fields.length <= 1}
              >
                {t("removeTier")}
              </button>
            </div>
          ))}
        </div>
        <FieldMessage htmlFor={id("tiers")} message={fieldError("tiers")} />
        <button
          type="button"
          data-testid="add-tier"
          className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-xs text-brand-700 hover:bg-slate-50"
          onClick={() => {
            const last = form.getValues("tiers").at(-1);
            tiers.append({ from: last?.to ?? "", to: "", rate: "" });
          }}
        >
          {t("addTier")}
        </button>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-5">
        <Field
          label={tf(usd ? "threshold_usd" : "threshold")}
          htmlFor={id("threshold")}
          error={fieldError("threshold")}
        >
          <div>
            <input id={id("threshold")} className={inputClass} {...form.register("threshold")} />
            {usd ? null : <MoneyHint value={form.watch("threshold")} />}
          </div>
        </Field>
        <Field label={tf("cap")} htmlFor={id("cap")} error={fieldError("cap")}>
          <div>
            <input id={id("cap")} className={inputClass} {...form.register("cap")} />
            <MoneyHint value={form.watch("cap")} />
          </div>
        </Field>
        <Field label={tf("years")} htmlFor={id("years")} error={fieldError("years")} required>
          <input id={id("years")} inputMode="numeric" className={inputClass} {...form.register("years")} />
        </Field>
        <Field label={tf("validFrom")} htmlFor={id("validFrom")} error={fieldError("validFrom")} required>
          <input id={id("validFrom")} type="date" className={inputClass} {...form.register("validFrom")} />
        </Field>
        <Field label={tf("validTo")} htmlFor={id("validTo")} error={fieldError("validTo")}>
          <input id={id("validTo")} type="date" className={inputClass} {...form.register("validTo")} />
        </Field>
      </div>
      <Field label={tf("description")} htmlFor={id("description")} error={fieldError("description")}>
        <textarea id={id("description")} rows={2} className={inputClass} {...form.register("description")} />
      </Field>
      <FormError message={error} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          data-testid="measure-save"
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {measure ? t("saveChanges") : t("create")}
        </button>
        {measure ? (
          <a
            href="/admin/incentive-measures"
            className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("cancelEdit")}
          </a>
        ) : null}
      </div>
    </form>
  );
}

/** Deactivate (with a confirmation: projects no longer see it) or activate again. */
export function MeasureActiveButton({ measure }: { measure: MeasureView }) {
  const t = useTranslations("incentives.admin");
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        data-testid={`measure-active-${measure.id}`}
        className={`text-xs hover:underline ${measure.active ? "text-red-700" : "text-brand-700"}`}
        onClick={async () => {
          if (
            measure.active &&
            !(await confirm({
              title: t("deactivateTitle", { name: measure.name }),
              body: t("deactivateBody"),
              confirmLabel: t("deactivate"),
              destructive: true,
            }))
          )
            return;
          run(async () => updateMeasureAction(measure.id, { active: !measure.active, version: measure.version }));
        }}
      >
        {measure.active ? t("deactivate") : t("activate")}
      </button>
      {firstError ? <span className="ml-2 text-xs text-red-700">{firstError}</span> : null}
      {dialog}
    </>
  );
}
