"use client";
import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { setEnterpriseChainsAction } from "@/app/(app)/chains/actions";
import { FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { enterpriseChainsSchema } from "@/lib/enterprises/schemas";

type Chains = { id: string; label: string; links: { id: string; label: string }[] }[];

type Values = { linkIds: string[]; isChainLeader: boolean; isLocal: boolean; scale: string; version: number };

/** An enterprise's chain links, 龙头企业 flag, local/external and scale. */
export function EnterpriseChainsForm({
  enterpriseId,
  version,
  initial,
  chains,
  canEdit,
}: {
  enterpriseId: string;
  version: number;
  initial: { linkIds: string[]; isChainLeader: boolean; isLocal: boolean; scale: string | null };
  chains: Chains;
  canEdit: boolean;
}) {
  const t = useTranslations("chains");
  // The page keys this form by the enterprise's version: a save brings a fresh one.
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: enterpriseChainsSchema,
    defaultValues: {
      linkIds: initial.linkIds,
      isChainLeader: initial.isChainLeader,
      isLocal: initial.isLocal,
      scale: initial.scale ?? "",
      version,
    },
    action: (values) => setEnterpriseChainsAction(enterpriseId, values),
  });
  return (
    <form className="space-y-3" data-testid="enterprise-chains" onSubmit={submit} noValidate>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="checkbox" disabled={!canEdit} {...form.register("isLocal")} /> {t("isLocal")}
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" disabled={!canEdit} {...form.register("isChainLeader")} /> {t("isChainLeader")}
        </label>
        <label className="flex items-center gap-1">
          {t("scale")}
          <input
            id="enterprise-scale"
            disabled={!canEdit}
            className={`${inputClass} w-28`}
            {...form.register("scale")}
          />
        </label>
      </div>
      <FieldMessage htmlFor="enterprise-scale" message={fieldError("scale")} />
      <Controller
        control={form.control}
        name="linkIds"
        render={({ field }) => (
          <>
            {chains.map((c) => (
              <fieldset key={c.id}>
                <legend className="text-xs font-medium text-slate-500">{c.label}</legend>
                <div className="flex flex-wrap gap-3 text-sm">
                  {c.links.map((l) => (
                    <label key={l.id} className="flex items-center gap-1">
                      <input
                        type="checkbox"
                        name={field.name}
                        value={l.id}
                        disabled={!canEdit}
                        checked={field.value.includes(l.id)}
                        onBlur={field.onBlur}
                        onChange={(e) =>
                          field.onChange(
                            e.target.checked ? [...field.value, l.id] : field.value.filter((id) => id !== l.id),
                          )
                        }
                      />{" "}
                      {l.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </>
        )}
      />
      <FieldMessage htmlFor="enterprise-linkIds" message={fieldError("linkIds")} />
      {canEdit ? (
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {t("save")}
        </button>
      ) : null}
      {/* The version has no input: a message about it shows with the form's. */}
      <FormError message={error ?? fieldError("version")} />
    </form>
  );
}
