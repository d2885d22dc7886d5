"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/profile/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { SimpleTable } from "@/components/ui/simple-table";
import { useAction } from "@/components/ui/use-action";
import { createTokenSchema } from "@/lib/auth/schemas";
import { formatDateTime } from "@/lib/format";

type Token = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

type Values = { name: string; expiresInDays: string };

export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const t = useTranslations("profile");
  const [fresh, setFresh] = useState<{ token: string; expiresAt: string } | null>(null);
  const revoke = useAction();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: createTokenSchema,
    defaultValues: { name: "", expiresInDays: "90" },
    action: async (values) => {
      const res = await createTokenAction(values);
      // The token is shown once, here.
      if (res.ok) setFresh({ token: res.data.token, expiresAt: res.data.expiresAt });
      return res;
    },
    // The name empties for the next token; the days stay.
    onSuccess: (_, values) => form.reset({ ...values, name: "" }),
  });
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
        <Field label={t("tokenName")} htmlFor="token-name" error={fieldError("name")}>
          <input id="token-name" className={`${inputClass} w-56`} {...form.register("name")} />
        </Field>
        <Field label={t("expiresInDays")} htmlFor="token-expiresInDays" error={fieldError("expiresInDays")}>
          <input
            id="token-expiresInDays"
            inputMode="numeric"
            className={`${inputClass} w-28`}
            {...form.register("expiresInDays")}
          />
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-60"
        >
          {t("createToken")}
        </button>
        <FormError message={error ?? revoke.firstError} className="w-full" />
      </form>
      {fresh ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="font-semibold text-amber-900">{t("copyNow")}</p>
          <code className="mt-1 block break-all font-mono text-xs" data-testid="new-token">
            {fresh.token}
          </code>
          <p className="mt-1 text-xs text-amber-900" data-testid="new-token-expiry">
            {t("expiresOn", { date: formatDateTime(fresh.expiresAt) })}
          </p>
        </div>
      ) : null}
      <SimpleTable headers={[t("tokenName"), t("prefix"), t("created"), t("lastUsed"), t("expires"), ""]}>
        {tokens.map((tok) => (
          <tr key={tok.id} data-saved-id={tok.id} className={tok.revokedAt ? "text-slate-400" : ""}>
            <td className="px-3 py-1.5">{tok.name}</td>
            <td className="px-3 py-1.5 font-mono text-xs">{tok.prefix}…</td>
            <td className="px-3 py-1.5 text-xs">{formatDateTime(tok.createdAt)}</td>
            <td className="px-3 py-1.5 text-xs">{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : "—"}</td>
            <td className="px-3 py-1.5 text-xs">{tok.expiresAt ? formatDateTime(tok.expiresAt) : t("never")}</td>
            <td className="px-3 py-1.5">
              {tok.revokedAt ? (
                t("revoked")
              ) : (
                <button
                  type="button"
                  disabled={revoke.pending}
                  className="text-xs text-red-600 hover:underline"
                  onClick={() => revoke.run(() => revokeTokenAction(tok.id))}
                >
                  {t("revoke")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
}
