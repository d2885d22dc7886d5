"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteViewAction, saveViewAction } from "@/app/(app)/projects/actions";

export function SavedViews({
  views,
  currentQuery,
}: {
  views: { id: string; name: string; query: string }[];
  currentQuery: string;
}) {
  const t = useTranslations("projects");
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="saved-views">
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
            className="px-1 text-slate-400 hover:text-red-600"
            onClick={() => start(async () => void (await deleteViewAction(v.id)))}
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const res = await saveViewAction({ name, query: currentQuery });
            setMessage(res.ok ? null : (Object.values(res.error.fields ?? {})[0] ?? res.error.message));
            if (res.ok) setName("");
          });
        }}
      >
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("viewName")}
          aria-label={t("viewName")}
          className="w-28 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <button
          type="submit"
          disabled={pending || !name.trim()}
          className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 disabled:opacity-40"
        >
          {t("saveView")}
        </button>
      </form>
      {message ? (
        <span role="alert" className="text-xs text-red-600">
          {message}
        </span>
      ) : null}
    </div>
  );
}
