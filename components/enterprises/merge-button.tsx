"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { mergeEnterpriseAction } from "@/app/(app)/enterprises/actions";

/** Folds a duplicate enterprise into the one on the page, after the user confirms. */
export function MergeButton({
  targetId,
  targetVersion,
  source,
}: {
  targetId: string;
  targetVersion: number;
  source: { id: string; name: string; version: number };
}) {
  const t = useTranslations("enterprises");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    if (!window.confirm(t("mergeConfirm", { name: source.name }))) return;
    setBusy(true);
    const res = await mergeEnterpriseAction(targetId, {
      sourceId: source.id,
      sourceVersion: source.version,
      targetVersion,
    });
    setBusy(false);
    setMessage(res.ok ? t("merged", { n: res.data.movedProjects }) : res.error.message);
    if (res.ok) router.refresh();
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={merge}
        className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs hover:bg-amber-100 disabled:opacity-50"
        data-testid={`merge-${source.id}`}
      >
        {t("merge")}
      </button>
      {message ? (
        <span role="status" className="text-xs text-slate-600">
          {message}
        </span>
      ) : null}
    </span>
  );
}
