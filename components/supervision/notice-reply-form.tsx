"use client";
import { uploadProjectFiles } from "@/components/ui/upload-files";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { replyNoticeAction } from "@/app/(app)/supervision/notices/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { replyNoticeSchema } from "@/lib/supervision/schemas";

type Evidence = { id: string; fileName: string };
type Values = { reply: string; attachmentIds: string[]; version: number };

/**
 * The recipient's reply: the measures taken and the evidence. A file chosen here is uploaded
 * at once through the project's attachment upload (POST /api/v1/projects/{id}/attachments)
 * and ticked; attachments already on the project can be ticked as well.
 */
export function NoticeReplyForm({
  noticeId,
  projectId,
  version,
  evidence,
  maxMb,
}: {
  noticeId: string;
  projectId: string;
  version: number;
  evidence: Evidence[];
  maxMb: number;
}) {
  const t = useTranslations("notices");
  const tf = useTranslations("fields.notice");
  const [uploaded, setUploaded] = useState<Evidence[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: replyNoticeSchema,
    defaultValues: { reply: "", attachmentIds: [], version },
    action: (values) => replyNoticeAction(noticeId, values),
    success: t("done.replied"),
  });
  const chosen = form.watch("attachmentIds");
  const toggle = (id: string, on: boolean) =>
    form.setValue("attachmentIds", on ? [...new Set([...chosen, id])] : chosen.filter((x) => x !== id), {
      shouldValidate: form.formState.isSubmitted,
    });
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    setUploadError(null);
    const { uploaded: added, error } = await uploadProjectFiles(projectId, Array.from(files), "DOCUMENT");
    if (error) setUploadError(`${t("form.uploadFailed")}：${error}`);
    setUploaded((u) => [...u, ...added]);
    form.setValue("attachmentIds", [...new Set([...form.getValues("attachmentIds"), ...added.map((a) => a.id)])]);
    setUploading(false);
  };
  const list = [...uploaded, ...evidence.filter((e) => !uploaded.some((u) => u.id === e.id))];
  return (
    <form noValidate onSubmit={submit} className="space-y-3" data-testid="notice-reply-form">
      <Field label={tf("reply")} htmlFor="notice-reply" error={fieldError("reply")} required>
        <textarea id="notice-reply" rows={5} className={inputClass} {...form.register("reply")} />
      </Field>
      <fieldset>
        <legend className="block text-xs font-medium text-slate-600">
          {tf("attachmentIds")}
          <span aria-hidden className="ml-0.5 text-red-600">
            *
          </span>
        </legend>
        <p className="text-xs text-slate-500">{t("form.evidenceHint")}</p>
        <label className="mt-1 block text-xs text-slate-600">
          {t("form.uploadEvidence")} ({maxMb} MB)
          <input
            type="file"
            multiple
            disabled={uploading}
            data-testid="evidence-file"
            className="mt-0.5 block text-sm"
            onChange={async (e) => {
              const input = e.currentTarget;
              await upload(input.files);
              input.value = "";
            }}
          />
        </label>
        {list.length ? (
          <ul className="mt-2 space-y-1 text-sm" data-testid="evidence-list">
            {list.map((a) => (
              <li key={a.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.includes(a.id)}
                    onChange={(e) => toggle(a.id, e.target.checked)}
                  />
                  {a.fileName}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {uploadError ? <FormError message={uploadError} /> : null}
        <FieldMessage htmlFor="attachmentIds" message={fieldError("attachmentIds")} />
      </fieldset>
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending || uploading}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("actions.reply")}
      </button>
    </form>
  );
}
