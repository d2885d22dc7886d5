"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import {
  acceptNoticeAction,
  closeNoticeAction,
  decideNoticeExtensionAction,
  rejectNoticeReplyAction,
  requestNoticeExtensionAction,
} from "@/app/(app)/supervision/notices/actions";
import { useConfirm } from "@/components/ui/confirm";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { decideExtensionSchema, extendNoticeSchema, rejectNoticeSchema } from "@/lib/supervision/schemas";

type Notice = { id: string; number: string; projectName: string; version: number };

const button = "rounded-md px-4 py-1.5 text-sm text-white disabled:opacity-50";

/** 认可整改措施 and 办结销号 (asked first: a closed notice cannot be reopened). */
export function AcceptCloseButtons({ notice, accept, close }: { notice: Notice; accept: boolean; close: boolean }) {
  const t = useTranslations("notices");
  const { confirm, dialog } = useConfirm();
  const { error, pending, run } = useAction();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {accept ? (
          <button
            type="button"
            disabled={pending}
            className={`${button} bg-emerald-700 hover:bg-emerald-800`}
            onClick={() =>
              run(() => acceptNoticeAction(notice.id, { version: notice.version }), undefined, t("done.accepted"))
            }
          >
            {t("actions.accept")}
          </button>
        ) : null}
        {close ? (
          <button
            type="button"
            disabled={pending}
            data-testid="notice-close"
            className={`${button} bg-brand-700 hover:bg-brand-800`}
            onClick={async () => {
              const ok = await confirm({
                title: t("confirm.closeTitle", { number: notice.number }),
                body: t("confirm.closeBody", { project: notice.projectName }),
                confirmLabel: t("actions.close"),
              });
              if (ok) run(() => closeNoticeAction(notice.id, { version: notice.version }), undefined, t("done.closed"));
            }}
          >
            {t("actions.close")}
          </button>
        ) : null}
      </div>
      <FormError message={error?.message} />
      {dialog}
    </div>
  );
}

/** 退回答复 with the reason (asked first). */
export function RejectReplyForm({ notice }: { notice: Notice }) {
  const t = useTranslations("notices");
  const { confirm, dialog } = useConfirm();
  const { form, submit, error, fieldError, pending } = useSchemaForm<{ reason: string; version: number }>({
    schema: rejectNoticeSchema,
    defaultValues: { reason: "", version: notice.version },
    action: (values) => rejectNoticeReplyAction(notice.id, values),
    success: t("done.rejected"),
  });
  return (
    <form
      noValidate
      className="space-y-2"
      data-testid="notice-reject-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!(await form.trigger())) return submit(e);
        const ok = await confirm({
          title: t("confirm.rejectTitle", { number: notice.number }),
          body: t("confirm.rejectBody"),
          confirmLabel: t("actions.reject"),
          destructive: true,
        });
        if (ok) await submit(e);
      }}
    >
      <Field label={t("form.rejectReason")} htmlFor="notice-reject-reason" error={fieldError("reason")} required>
        <textarea id="notice-reject-reason" rows={2} className={inputClass} {...form.register("reason")} />
      </Field>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${button} bg-red-700 hover:bg-red-800`}>
        {t("actions.reject")}
      </button>
      {dialog}
    </form>
  );
}

/** The recipients' one extension request. */
export function ExtensionRequestForm({ notice }: { notice: Notice }) {
  const t = useTranslations("notices");
  const tf = useTranslations("fields.notice");
  const { form, submit, error, fieldError, pending } = useSchemaForm<{ days: number; reason: string; version: number }>(
    {
      schema: extendNoticeSchema,
      defaultValues: { days: 5, reason: "", version: notice.version },
      action: (values) => requestNoticeExtensionAction(notice.id, values),
      success: t("done.extensionRequested"),
    },
  );
  return (
    <form noValidate onSubmit={submit} className="space-y-2" data-testid="notice-extension-form">
      <p className="text-xs text-slate-500">{t("form.extensionHint")}</p>
      <div className="grid grid-cols-3 gap-2">
        <Field label={tf("days")} htmlFor="notice-ext-days" error={fieldError("days")} required>
          <input id="notice-ext-days" type="number" min={1} className={inputClass} {...form.register("days")} />
        </Field>
        <div className="col-span-2">
          <Field label={tf("reason")} htmlFor="notice-ext-reason" error={fieldError("reason")} required>
            <input id="notice-ext-reason" className={inputClass} {...form.register("reason")} />
          </Field>
        </div>
      </div>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${button} bg-amber-600 hover:bg-amber-700`}>
        {t("actions.requestExtension")}
      </button>
    </form>
  );
}

/** The manager's decision on the extension asked for; a refusal says why and is asked first. */
export function ExtensionDecisionForm({ notice }: { notice: Notice }) {
  const t = useTranslations("notices");
  const { confirm, dialog } = useConfirm();
  const granting = useRef(true);
  const { form, submit, error, fieldError, pending } = useSchemaForm<{
    grant: boolean | null;
    reason: string;
    version: number;
  }>({
    schema: decideExtensionSchema,
    defaultValues: { grant: null, reason: "", version: notice.version },
    action: (values) => decideNoticeExtensionAction(notice.id, values),
    success: () => t(granting.current ? "done.extensionGranted" : "done.extensionRefused"),
  });
  const decide = async (grant: boolean) => {
    form.setValue("grant", grant);
    granting.current = grant;
    if (!grant) {
      if (!(await form.trigger())) return submit();
      const ok = await confirm({
        title: t("confirm.refuseTitle", { number: notice.number }),
        body: t("confirm.refuseBody"),
        confirmLabel: t("actions.refuse"),
        destructive: true,
      });
      if (!ok) return;
    }
    await submit();
  };
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} className="space-y-2" data-testid="notice-decision-form">
      <Field label={t("form.decisionReason")} htmlFor="notice-decision-reason" error={fieldError("reason")}>
        <input id="notice-decision-reason" className={inputClass} {...form.register("reason")} />
      </Field>
      <FormError message={error} />
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          className={`${button} bg-emerald-700 hover:bg-emerald-800`}
          onClick={() => decide(true)}
        >
          {t("actions.grant")}
        </button>
        <button
          type="button"
          disabled={pending}
          className={`${button} bg-red-700 hover:bg-red-800`}
          onClick={() => decide(false)}
        >
          {t("actions.refuse")}
        </button>
      </div>
      {dialog}
    </form>
  );
}
