"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addCapitalIncreaseAction } from "@/app/(app)/projects/actions";
import { Field, inputClass } from "@/components/ui/field";
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
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const blank = { date: today, amount: "", fixedAssetAmount: "", foreignCapital: "", note: "" };
  const form = useForm<Values>({
    resolver: zodResolver(capitalIncreaseSchema as never, undefined, { raw: true }) as never,
    defaultValues: blank,
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    const res = await addCapitalIncreaseAction(projectId, { ...values, version });
    if (res.ok) {
      form.reset(blank);
      router.refresh();
      return;
    }
    for (const [k, v] of Object.entries(res.error.fields ?? {})) form.setError(k as keyof Values, { message: v });
    setNotice(res.error.message);
  });
  return (
    <div className="space-y-5" data-testid="tab-capital">
      <p className="text-sm text-slate-600">{t("capital.explain")}</p>
      {canAdd ? (
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid grid-cols-1 gap-2 md:grid-cols-4"
          data-testid="capital-form"
        >
          <Field label={t("capital.date")} htmlFor="c-date" error={e.date?.message}>
            <input id="c-date" type="date" className={inputClass} {...form.register("date")} />
          </Field>
          <Field label={t("capital.amount")} htmlFor="c-amount" error={e.amount?.message}>
            <input id="c-amount" inputMode="decimal" className={inputClass} {...form.register("amount")} />
          </Field>
          <Field label={t("capital.fixedAssetAmount")} htmlFor="c-fixed" error={e.fixedAssetAmount?.message}>
            <input id="c-fixed" inputMode="decimal" className={inputClass} {...form.register("fixedAssetAmount")} />
          </Field>
          <Field label={t("capital.foreignCapital")} htmlFor="c-foreign" error={e.foreignCapital?.message}>
            <input id="c-foreign" inputMode="decimal" className={inputClass} {...form.register("foreignCapital")} />
          </Field>
          <div className="md:col-span-4">
            <Field label={t("capital.note")} htmlFor="c-note" error={e.note?.message}>
              <input id="c-note" className={inputClass} {...form.register("note")} />
            </Field>
          </div>
          {notice ? (
            <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700 md:col-span-4">
              {notice}
            </p>
          ) : null}
          <div>
            <button
              type="submit"
              disabled={form.formState.isSubmitting}
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
            <tr key={i.id}>
              <td className="px-3 py-2 whitespace-nowrap">{i.date}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatWan(i.amount)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {i.fixedAssetAmount ? formatWan(i.fixedAssetAmount) : "—"}
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
              {formatWan(sumWan(items.map((i) => i.amount)))}
            </td>
            <td colSpan={4} />
          </tr>
        </SimpleTable>
      )}
    </div>
  );
}
