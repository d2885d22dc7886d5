"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { generateBulletinAction } from "@/app/(app)/supervision/bulletins/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { generateBulletinSchema } from "@/lib/bulletins/schemas";
import type { Week } from "@/lib/bulletins/week";

type Values = { weekStart: string };

/** A manager generates the bulletin of an ended week (last week by default): a new revision each time. */
export function GenerateBulletinForm({ weeks }: { weeks: Week[] }) {
  const t = useTranslations("bulletins");
  const router = useRouter();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: generateBulletinSchema,
    defaultValues: { weekStart: weeks[0]?.weekStart ?? "" },
    action: (values) => generateBulletinAction(values),
    success: (data) => {
      const b = data as { weekStart: string; weekEnd: string; revision: number };
      return t("generated", { week: t("weekOption", { from: b.weekStart, to: b.weekEnd }), revision: b.revision });
    },
    onSuccess: (data) => router.push(`/supervision/bulletins/${(data as { id: string }).id}`),
  });
  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="generate-bulletin-form">
      <Field label={t("generateFor")} htmlFor="bulletin-week" error={fieldError("weekStart")} required>
        <select id="bulletin-week" className={inputClass} {...form.register("weekStart")}>
          {weeks.map((w) => (
            <option key={w.weekStart} value={w.weekStart}>
              {t("weekOption", { from: w.weekStart, to: w.weekEnd })}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="mb-1 rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
        data-testid="generate-bulletin"
      >
        {pending ? t("generating") : t("generate")}
      </button>
      <FormError message={error} />
    </form>
  );
}
