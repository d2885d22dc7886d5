"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createChainAction, createIndustryAction, deleteLinkAction, saveLinkAction } from "@/app/(app)/chains/actions";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export function NewChainForm({ industries }: { industries: { id: string; label: string }[] }) {
  const t = useTranslations("chains");
  const { firstError: error, pending, run } = useAction();
  const blank = { code: "", name: "", industryId: industries[0]?.id ?? "", description: "" };
  const [v, setV] = useState(blank);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => createChainAction(v),
          () => setV(blank),
        );
      }}
    >
      <label className="text-xs text-slate-600">
        {t("code")}
        <input
          className={`${inputClass} mt-0.5 w-36`}
          value={v.code}
          onChange={(e) => setV({ ...v, code: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        {t("name")}
        <input
          className={`${inputClass} mt-0.5`}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        {t("industry")}
        <select
          className={`${inputClass} mt-0.5`}
          value={v.industryId}
          onChange={(e) => setV({ ...v, industryId: e.target.value })}
        >
          {industries.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("description")}
        <input
          className={`${inputClass} mt-0.5 w-72`}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("create")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

type LinkRow = {
  id: string;
  name: string;
  position: string;
  parentId: string | null;
  targetCount: number;
  importance: number;
  sortOrder: number;
  version: number;
};

/** One link's editable row (name, position, parent, target, importance), or the row that adds one. */
export function LinkEditor({
  chainId,
  link,
  all,
}: {
  chainId: string;
  link: LinkRow | null;
  all: { id: string; name: string }[];
}) {
  const t = useTranslations("chains");
  const { firstError: error, pending, run } = useAction();
  const blank = { name: "", position: "UPSTREAM", parentId: "", targetCount: "1", importance: "3", sortOrder: "0" };
  const [v, setV] = useState(
    link
      ? {
          name: link.name,
          position: link.position,
          parentId: link.parentId ?? "",
          targetCount: String(link.targetCount),
          importance: String(link.importance),
          sortOrder: String(link.sortOrder),
        }
      : blank,
  );
  const save = () =>
    run(
      () => saveLinkAction(chainId, link?.id ?? null, link ? { ...v, version: link.version } : v),
      link ? undefined : () => setV(blank),
    );
  return (
    <tr className="align-top" data-link-row={link?.name ?? "new"}>
      <td className="px-2 py-1">
        <input
          aria-label={t("name")}
          className={inputClass}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </td>
      <td className="px-2 py-1">
        <select
          aria-label={t("position")}
          className={inputClass}
          value={v.position}
          onChange={(e) => setV({ ...v, position: e.target.value })}
        >
          {["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"].map((p) => (
            <option key={p} value={p}>
              {t(`positions.${p}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="px-2 py-1">
        <select
          aria-label={t("parent")}
          className={inputClass}
          value={v.parentId}
          onChange={(e) => setV({ ...v, parentId: e.target.value })}
        >
          <option value="">{t("noParent")}</option>
          {all
            .filter((o) => o.id !== link?.id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </td>
      <td className="px-2 py-1">
        <input
          aria-label={t("target")}
          className={`${inputClass} w-16`}
          inputMode="numeric"
          value={v.targetCount}
          onChange={(e) => setV({ ...v, targetCount: e.target.value })}
        />
      </td>
      <td className="px-2 py-1">
        <input
          aria-label={t("importance")}
          className={`${inputClass} w-16`}
          inputMode="numeric"
          value={v.importance}
          onChange={(e) => setV({ ...v, importance: e.target.value })}
        />
      </td>
      <td className="px-2 py-1 whitespace-nowrap">
        <button
          type="button"
          disabled={pending}
          onClick={save}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
        >
          {link ? t("save") : t("addLink")}
        </button>
        {link ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => deleteLinkAction(chainId, link.id))}
            className="ml-2 text-xs text-red-700 hover:underline"
          >
            {t("delete")}
          </button>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Adds an industry: one of the 十强产业 or a district cluster (产业集群). */
export function NewIndustryForm() {
  const t = useTranslations("chains");
  const { firstError: error, pending, run } = useAction();
  const blank = { code: "", name: "", kind: "CLUSTER" };
  const [v, setV] = useState(blank);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => createIndustryAction(v),
          () => setV(blank),
        );
      }}
    >
      <label className="text-xs text-slate-600">
        {t("code")}
        <input
          className={`${inputClass} mt-0.5 w-36`}
          value={v.code}
          onChange={(e) => setV({ ...v, code: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        {t("name")}
        <input
          className={`${inputClass} mt-0.5`}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        {t("industryKind")}
        <select
          className={`${inputClass} mt-0.5`}
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value })}
        >
          <option value="TOP_TEN">{t("kinds.TOP_TEN")}</option>
          <option value="CLUSTER">{t("kinds.CLUSTER")}</option>
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
      >
        {t("create")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
