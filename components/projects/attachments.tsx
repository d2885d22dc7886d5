"use client";
import { SimpleTable } from "@/components/ui/simple-table";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";

type Item = { id: string; category: string; fileName: string; size: number; createdAt: string; uploadedBy: string };

const kb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function Attachments({ projectId, items, canUpload, maxMb }: { projectId: string; items: Item[]; canUpload: boolean; maxMb: number }) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4" data-testid="tab-attachments">
      {canUpload ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            start(async () => {
              // The upload goes through the JSON API: the same use-case, no size cap of server actions.
              const res = await fetch(`/api/v1/projects/${projectId}/attachments`, { method: "POST", body: data });
              if (res.ok) {
                setError(null);
                form.reset();
                router.refresh();
              } else {
                const body = await res.json().catch(() => null);
                setError(body?.error?.fields?.file ?? body?.error?.message ?? res.statusText);
              }
            });
          }}
        >
          <label className="text-xs text-slate-600">
            {t("category")}
            <select name="category" className={`${inputClass} mt-0.5`}>
              {["AGREEMENT", "DOCUMENT", "OTHER"].map((c) => (
                <option key={c} value={c}>{t(`categories.${c}`)}</option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {t("file")}
            <input name="file" type="file" required className="mt-0.5 block text-sm" />
          </label>
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-60">{t("upload")}</button>
          <span className="text-xs text-slate-500">{t("limit", { mb: maxMb })}</span>
          {error ? <p role="alert" className="w-full text-sm text-red-600" data-testid="upload-error">{error}</p> : null}
        </form>
      ) : null}
      <SimpleTable headers={[t("file"), t("category"), t("size"), t("uploadedBy"), t("time")]}>
        {items.map((a) => (
          <tr key={a.id}>
            <td className="px-3 py-1.5"><a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${a.id}`}>{a.fileName}</a></td>
            <td className="px-3 py-1.5">{t(`categories.${a.category}`)}</td>
            <td className="px-3 py-1.5">{kb(a.size)}</td>
            <td className="px-3 py-1.5">{a.uploadedBy}</td>
            <td className="px-3 py-1.5 text-xs">{formatDateTime(a.createdAt)}</td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
}
