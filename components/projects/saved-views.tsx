"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect } from "react";
import { useWatch } from "react-hook-form";
import { deleteViewAction, saveViewAction } from "@/app/(app)/projects/actions";
import { FieldMessage, FormError } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { useConfirm } from "@/components/ui/confirm";
import { saveViewSchema } from "@/lib/projects/schemas";

type Values = { name: string; query: string };

export function SavedViews({
  views,
  currentQuery,
}: {
  views: { id: string; name: string; query: string }[];
  currentQuery: string;
}) {
  const t = useTranslations("projects");
  const del = useAction();
  const { confirm, dialog } = useConfirm();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: saveViewSchema,
    defaultValues: { name: "", query: currentQuery },
    action: (values) => saveViewAction(values),
    onSuccess: (_, values) => form.reset({ ...values, name: "" }),
  });
  // The grid's view changes under the form (sort, columns, filters): the view saved is the one shown.
  useEffect(() => {
    form.setValue("query", currentQuery);
  }, [form, currentQuery]);
  const name = useWatch({ control: form.control, name: "name" });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="saved-views">
      {dialog}
      <span className="text-slate-500">{t("savedViews")}:</span>
      {views.length === 0 ? <span className="text-slate-400">—</span> : null}
      {views.map((v) => (
        <span key={v.id} className="inline-flex items-center rounded-full border border-slate-300 bg-white">
          <Link href={`/projects?${v.query}`} className="px-2 py-0.5 hover:text-brand-700">
            {v.name}
          </Link>
          <button
            type="button"
            aria-label={t("deleteView", { name: v.name })}
            disabled={del.pending}
            className="px-1 text-slate-400 hover:text-red-600"
            onClick={async () => {
              const ok = await confirm({
                title: t("confirmDeleteView", { name: v.name }),
                confirmLabel: t("deleteView", { name: v.name }),
                destructive: true,
              });
              if (ok) del.run(() => deleteViewAction(v.id), undefined, t("viewDeleted"));
            }}
          >
            ×
          </button>
        </span>
      ))}
      <form className="flex items-center gap-1" onSubmit={submit} noValidate>
        <input
          id="view-name"
          placeholder={t("viewName")}
          aria-label={t("viewName")}
          className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
          {...form.register("name")}
        />
        <button
          type="submit"
          disabled={pending || !name.trim()}
          className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 disabled:opacity-40"
        >
          {t("saveView")}
        </button>
      </form>
      <FieldMessage htmlFor="view-name" message={fieldError("name")} />
      {/* The query has no input: a message about it shows with the form's. */}
      <FormError message={error ?? fieldError("query") ?? del.firstError} />
    </div>
  );
}
