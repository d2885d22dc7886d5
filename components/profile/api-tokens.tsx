"use client";
import { SimpleTable } from "@/components/ui/simple-table";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/profile/actions";
import { inputClass } from "@/components/ui/field";
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

export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const t = useTranslations("profile");
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const res = await createTokenAction({ name, expiresInDays: days });
            if (res.ok) {
              setFresh(res.data.token);
              setName("");
              setError(null);
            } else setError(Object.values(res.error.fields ?? {})[0] ?? res.error.message);
          });
        }}
      >
        <label className="text-xs text-slate-600">
          {t("tokenName")}
          <input value={name} onChange={(e) => setName(e.target.value)} className={`${inputClass} mt-0.5 w-56`} />
        </label>
        <label className="text-xs text-slate-600">
          {t("expiresInDays")}
          <input
            value={days}
            onChange={(e) => setDays(e.target.value)}
            inputMode="numeric"
            className={`${inputClass} mt-0.5 w-28`}
          />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
          {t("createToken")}
        </button>
        {error ? (
          <span role="alert" className="text-sm text-red-600">
            {error}
          </span>
        ) : null}
      </form>
      {fresh ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="font-semibold text-amber-900">{t("copyNow")}</p>
          <code className="mt-1 block break-all font-mono text-xs" data-testid="new-token">
            {fresh}
          </code>
        </div>
      ) : null}
      <SimpleTable headers={[t("tokenName"), t("prefix"), t("created"), t("lastUsed"), t("expires"), ""]}>
        {tokens.map((tok) => (
          <tr key={tok.id} className={tok.revokedAt ? "text-slate-400" : ""}>
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
                  className="text-xs text-red-600 hover:underline"
                  onClick={() => start(async () => void (await revokeTokenAction(tok.id)))}
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
