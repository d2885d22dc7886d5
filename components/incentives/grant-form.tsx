"use client";
import Decimal from "decimal.js";
import { useTranslations } from "next-intl";
import { recordGrantAction } from "@/app/(app)/projects/incentive-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { MoneyHint } from "@/components/ui/money";
import { useConfirm } from "@/components/ui/confirm";
import { useSchemaForm } from "@/components/ui/schema-form";
import { formatWan } from "@/lib/format";
import { grantSchema } from "@/lib/incentives/schemas";

type Values = { measureId: string; year: string; amount: string; grantedOn: string; note: string };
type MeasureChoice = { id: string; name: string; years: { year: number; amount: string; granted: string }[] };

/** 兑现: a manager records an amount of a measure's payment year, after a confirmation naming it. */
export function GrantForm({
  projectId,
  measures,
  today,
}: {
  projectId: string;
  measures: MeasureChoice[];
  today: string;
}) {
  const t = useTranslations("incentives.grant");
  const tf = useTranslations("fields.incentiveGrant");
  const { confirm, dialog } = useConfirm();
  const first = measures[0];
  const firstOpen = first.years.find((y) => new Decimal(y.amount).gt(y.granted)) ?? first.years[0];
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: grantSchema,
    defaultValues: {
      measureId: first.id,
      year: String(firstOpen?.year ?? ""),
      amount: firstOpen ? new Decimal(firstOpen.amount).minus(firstOpen.granted).toFixed(2) : "",
      grantedOn: today,
      note: "",
    },
    action: async (values) => {
      const m = measures.find((x) => x.id === values.measureId);
      const ok = await confirm({
        title: t("confirmTitle", {
          measure: m?.name ?? "",
          year: values.year,
          amount: formatWan(values.amount || "0"),
        }),
        body: t("confirmBody"),
        confirmLabel: t("record"),
      });
      if (!ok) return { ok: false, error: { code: "CANCELLED" as never, message: t("cancelled") } };
      return recordGrantAction(projectId, values);
    },
    // Cancelling the confirmation changes nothing and says nothing.
    onRefused: (e) => (e.code as string) === "CANCELLED",
    success: t("recorded"),
    onSuccess: () => form.reset({ ...form.getValues(), amount: "", note: "" }),
  });
  const measureId = form.watch("measureId");
  const years = measures.find((m) => m.id === measureId)?.years ?? [];
  const id = (f: string) => `grant-${f}`;
  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-md border border-slate-200 p-3"
      data-testid="grant-form"
      noValidate
    >
      <h3 className="text-sm font-semibold text-slate-700">{t("title")}</h3>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label={tf("measureId")} htmlFor={id("measureId")} error={fieldError("measureId")} required>
          <select id={id("measureId")} className={inputClass} {...form.register("measureId")}>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("year")} htmlFor={id("year")} error={fieldError("year")} required>
          <select id={id("year")} className={inputClass} {...form.register("year")}>
            {years.map((y) => (
              <option key={y.year} value={y.year}>
                {t("yearOption", { year: y.year, amount: formatWan(y.amount), granted: formatWan(y.granted) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={tf("amount")} htmlFor={id("amount")} error={fieldError("amount")} required>
          <div>
            <input id={id("amount")} className={inputClass} {...form.register("amount")} />
            <MoneyHint value={form.watch("amount")} />
          </div>
        </Field>
        <Field label={tf("grantedOn")} htmlFor={id("grantedOn")} error={fieldError("grantedOn")} required>
          <input id={id("grantedOn")} type="date" max={today} className={inputClass} {...form.register("grantedOn")} />
        </Field>
        <Field label={tf("note")} htmlFor={id("note")} error={fieldError("note")}>
          <input id={id("note")} className={inputClass} {...form.register("note")} />
        </Field>
      </div>
      <FormError message={error} testId="grant-error" />
      <button
        type="submit"
        disabled={pending}
        data-testid="grant-submit"
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("record")}
      </button>
      {dialog}
    </form>
  );
}
