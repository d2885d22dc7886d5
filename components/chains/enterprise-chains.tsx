"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setEnterpriseChainsAction } from "@/app/(app)/chains/actions";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

type Chains = { id: string; label: string; links: { id: string; label: string }[] }[];

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
  const [v, setV] = useState({ ...initial, scale: initial.scale ?? "" });
  const { firstError: error, pending, run } = useAction();
  const toggle = (id: string) =>
    setV((x) => ({ ...x, linkIds: x.linkIds.includes(id) ? x.linkIds.filter((l) => l !== id) : [...x.linkIds, id] }));
  return (
    <form
      className="space-y-3"
      data-testid="enterprise-chains"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => setEnterpriseChainsAction(enterpriseId, { ...v, version }));
      }}
    >
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            disabled={!canEdit}
            checked={v.isLocal}
            onChange={(e) => setV({ ...v, isLocal: e.target.checked })}
          />{" "}
          {t("isLocal")}
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            disabled={!canEdit}
            checked={v.isChainLeader}
            onChange={(e) => setV({ ...v, isChainLeader: e.target.checked })}
          />{" "}
          {t("isChainLeader")}
        </label>
        <label className="flex items-center gap-1">
          {t("scale")}
          <input
            disabled={!canEdit}
            className={`${inputClass} w-28`}
            value={v.scale}
            onChange={(e) => setV({ ...v, scale: e.target.value })}
          />
        </label>
      </div>
      {chains.map((c) => (
        <fieldset key={c.id}>
          <legend className="text-xs font-medium text-slate-500">{c.label}</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {c.links.map((l) => (
              <label key={l.id} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  disabled={!canEdit}
                  checked={v.linkIds.includes(l.id)}
                  onChange={() => toggle(l.id)}
                />{" "}
                {l.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {canEdit ? (
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {t("save")}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
