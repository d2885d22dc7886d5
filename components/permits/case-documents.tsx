"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { UploadForm } from "@/components/ui/upload-form";
import { formatDateTime } from "@/lib/format";

export type CaseDocument = { id: string; fileName: string; size: number; createdAt: string; uploadedBy: string };

/** 一套材料: the documents every department reads; the applicant adds them while the case can change. */
export function CaseDocuments({
  caseId,
  items,
  canUpload,
}: {
  caseId: string;
  items: CaseDocument[];
  canUpload: boolean;
}) {
  const t = useTranslations("permits");
  return (
    <div className="space-y-2" data-testid="case-documents">
      {items.length ? (
        <ul className="space-y-1 text-sm">
          {items.map((d) => (
            <li key={d.id}>
              <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${d.id}`}>
                {d.fileName}
              </a>
              <span className="ml-2 text-xs text-slate-500">
                {d.uploadedBy} · {formatDateTime(d.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noDocuments")}</p>
      )}
      {canUpload ? (
        <UploadForm
          url={`/api/v1/permit-cases/${caseId}/attachments`}
          submitLabel={t("addDocument")}
          success={t("documentAdded")}
        >
          <input
            type="file"
            name="file"
            required
            className={`${inputClass} w-auto`}
            aria-label={t("chooseDocument")}
            data-testid="case-document-file"
          />
        </UploadForm>
      ) : null}
    </div>
  );
}
