"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { issueNoticeAction } from "@/app/(app)/supervision/notices/actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { issueNoticeSchema } from "@/lib/supervision/schemas";

export type NoticeTemplate = {
  projectId: string;
  subject: string;
  content: string;
  replyDays: number;
  resolveDays: number;
  maxDays: number;
  leaderName: string | null;
  ownerName: string;
  hasLeader: boolean;
};

type Values = { projectId: string; subject: string; content: string; replyDays: number; resolveDays: number };

/** A manager's 督办通知 for a project, started from the template (the colour's reasons, 督办规则's days). */
export function IssueNoticeForm({ template }: { template: NoticeTemplate }) {
  const t = useTranslations("notices");
  const tf = useTranslations("fields.notice");
  const router = useRouter();
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: issueNoticeSchema,
    defaultValues: {
      projectId: template.projectId,
      subject: template.subject,
      content: template.content,
      replyDays: template.replyDays,
      resolveDays: template.resolveDays,
    },
    action: (values) => issueNoticeAction(values),
    success: (data) => t("done.issued", { number: (data as { number: string }).number }),
    onSuccess: (data) => router.push(`/supervision/notices/${(data as { id: string }).id}`),
  });
  if (!template.hasLeader) return <p className="text-sm text-amber-700">{t("form.noLeader")}</p>;
  return (
    <form noValidate onSubmit={submit} className="space-y-3" data-testid="issue-notice-form">
      <p className="text-xs text-slate-600">
        {t("form.recipientsLine", { leader: template.leaderName ?? "—", owner: template.ownerName })}
      </p>
      <Field label={tf("subject")} htmlFor="notice-subject" error={fieldError("subject")} required>
        <input id="notice-subject" className={inputClass} {...form.register("subject")} />
      </Field>
      <Field label={tf("content")} htmlFor="notice-content" error={fieldError("content")} required>
        <textarea id="notice-content" rows={7} className={inputClass} {...form.register("content")} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={tf("replyDays")} htmlFor="notice-replyDays" error={fieldError("replyDays")}>
          <input
            id="notice-replyDays"
            type="number"
            min={1}
            max={template.maxDays}
            className={inputClass}
            {...form.register("replyDays")}
          />
        </Field>
        <Field label={tf("resolveDays")} htmlFor="notice-resolveDays" error={fieldError("resolveDays")}>
          <input
            id="notice-resolveDays"
            type="number"
            min={1}
            max={template.maxDays}
            className={inputClass}
            {...form.register("resolveDays")}
          />
        </Field>
      </div>
      <p className="text-xs text-slate-500">{t("form.daysHint", { max: template.maxDays })}</p>
      <FormError message={error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("actions.issue")}
      </button>
    </form>
  );
}
