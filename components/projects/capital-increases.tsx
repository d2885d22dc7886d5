"use client";
import { useTranslations } from "next-intl";
import { addCapitalIncreaseAction } from "@/app/(app)/projects/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { Money, MoneyHint } from "@/components/ui/money";
import { useSchemaForm } from "@/components/ui/schema-form";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatWan, sumWan } from "@/lib/format";
import type { CapitalIncreaseView } from "@/lib/projects/capital-increases";
import { capitalIncreaseSchema } from "@/lib/projects/schemas";

type Values = { date: string; amount: string; fixedAssetAmount: string; foreignCapital: string; note: string };

/** 增资扩产 tab: the increases recorded on the project and, for its editors, the form to add one. */
export function CapitalIncreases({
  projectId,
  version,
  items,
  canAdd,
  today,
}: {
  projectId: string;
  version: number;
  items: CapitalIncreaseView[];
  canAdd: boolean;
  today: string;
}) {
  const t = useTranslations();
  const blank: Values = { date: today, amount: "", fixedAssetAmount: "", foreignCapital: "", note: "" };
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: capitalIncreaseSchema,
    defaultValues: blank,
    action: (values) => addCapitalIncreaseAction(projectId, { ...values, version }),
    onSuccess: () => form.reset(blank),
  });
  return (
    <div className="space-y-5" data-testid="tab-capital">
      <p className="text-sm text-slate-600">{t("capital.explain")}</p>
      {canAdd ? (
        <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-2 md:grid-cols-4" data-testid="capital-form">
          <Field label={t("capital.date")} htmlFor="c-date" error={fieldError("date")}>
            <input id="c-date" type="date" className={inputClass} {...form.register("date")} />
          </Field>
          <Field label={t("capital.amount")} htmlFor="c-amount" error={fieldError("amount")}>
            <input id="c-amount" inputMode="decimal" className={inputClass} {...form.register("amount")} />
            <MoneyHint value={form.watch("amount")} />
          </Field>
          <Field label={t("capital.fixedAssetAmount")} htmlFor="c-fixed" error={fieldError("fixedAssetAmount")}>
            <input id="c-fixed" inputMode="decimal" className={inputClass} {...form.register("fixedAssetAmount")} />
          </Field>
          <Field label={t("capital.foreignCapital")} htmlFor="c-foreign" error={fieldError("foreignCapital")}>
            <input id="c-foreign" inputMode="decimal" className={inputClass} {...form.register("foreignCapital")} />
          </Field>
          <div className="md:col-span-4">
            <Field label={t("capital.note")} htmlFor="c-note" error={fieldError("note")}>
              <input id="c-note" className={inputClass} {...form.register("note")} />
            </Field>
          </div>
          <FormError message={error} className="md:col-span-4" />
          <div>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("capital.add")}
            </button>
          </div>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("capital.empty")}</p>
      ) : (
        <SimpleTable
          testId="capital-list"
          headers={[
            t("capital.date"),
            t("capital.amount"),
            t("capital.fixedAssetAmount"),
            t("capital.foreignCapital"),
            t("capital.note"),
            t("capital.by"),
          ]}
        >
          {items.map((i) => (
            <tr key={i.id} data-saved-id={i.id}>
              <td className="px-3 py-2 whitespace-nowrap">{i.date}</td>
              <td className="px-3 py-2 text-right">
                <Money wan={i.amount} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                <Money wan={i.fixedAssetAmount} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {i.foreignCapital ? formatWan(i.foreignCapital) : "—"}
              </td>
              <td className="px-3 py-2">{i.note}</td>
              <td className="px-3 py-2 whitespace-nowrap">{i.createdBy}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td className="px-3 py-2">{t("capital.total")}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-testid="capital-total">
              <Money wan={sumWan(items.map((i) => i.amount))} />
            </td>
            <td colSpan={4} />
          </tr>
        </SimpleTable>
      )}
    </div>
  );
}
