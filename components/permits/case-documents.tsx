"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";

type Doc = { id: string; fileName: string; size: number; createdAt: string; uploadedBy: string };

/** 一套材料: the documents every department reads; the applicant adds them while the case can change. */
export function CaseDocuments({ caseId, items, canUpload }: { caseId: string; items: Doc[]; canUpload: boolean }) {
  const t = useTranslations("permits");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2" data-testid="case-documents">
      {items.length ? (
        <ul className="space-y-1 text-sm">
          {items.map((d) => (
            <li key={d.id}>
              <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${d.id}`}>{d.fileName}</a>
              <span className="ml-2 text-xs text-slate-500">{d.uploadedBy} · {formatDateTime(d.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noDocuments")}</p>
      )}
      {canUpload ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            start(async () => {
              const res = await fetch(`/api/v1/permit-cases/${caseId}/attachments`, { method: "POST", body: data });
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
          <input type="file" name="file" required className={`${inputClass} w-auto`} aria-label={t("chooseDocument")} data-testid="case-document-file" />
          <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">{t("addDocument")}</button>
          {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
        </form>
      ) : null}
    </div>
  );
}
