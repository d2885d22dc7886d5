"use client";
import { SimpleTable } from "@/components/ui/simple-table";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { UploadForm } from "@/components/ui/upload-form";
import { formatDateTime } from "@/lib/format";

type Item = { id: string; category: string; fileName: string; size: number; createdAt: string; uploadedBy: string };

const kb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function Attachments({
  projectId,
  items,
  canUpload,
  maxMb,
}: {
  projectId: string;
  items: Item[];
  canUpload: boolean;
  maxMb: number;
}) {
  const t = useTranslations("attachments");
  return (
    <div className="space-y-4" data-testid="tab-attachments">
      {canUpload ? (
        <UploadForm url={`/api/v1/projects/${projectId}/attachments`} submitLabel={t("upload")}>
          <label className="text-xs text-slate-600">
            {t("category")}
            <select name="category" className={`${inputClass} mt-0.5`}>
              {["AGREEMENT", "DOCUMENT", "OTHER"].map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            {t("file")}
            <input name="file" type="file" required className="mt-0.5 block text-sm" />
          </label>
          <span className="text-xs text-slate-500">{t("limit", { mb: maxMb })}</span>
        </UploadForm>
      ) : null}
      <SimpleTable headers={[t("file"), t("category"), t("size"), t("uploadedBy"), t("time")]}>
        {items.map((a) => (
          <tr key={a.id} data-saved-id={a.id}>
            <td className="px-3 py-1.5">
              <a className="text-brand-700 hover:underline" href={`/api/v1/attachments/${a.id}`}>
                {a.fileName}
              </a>
            </td>
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
