"use client";
import { useTranslations } from "next-intl";
import { signOffMeetingAction } from "@/app/(app)/supervision/meetings/actions";
import { useConfirm } from "@/components/ui/confirm";
import { FormError } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

/** The chair's 签发纪要, after the one confirmation (the minutes become final). */
export function SignOffButton({ meetingId, title, version }: { meetingId: string; title: string; version: number }) {
  const t = useTranslations("meetings.signOff");
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  const go = async () => {
    if (!(await confirm({ title: t("confirmTitle"), body: t("confirm", { title }), confirmLabel: t("button") })))
      return;
    run(() => signOffMeetingAction(meetingId, { version }), undefined, t("done"));
  };
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={go}
        className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
        data-testid="sign-off"
      >
        {t("button")}
      </button>
      <FormError message={firstError} />
      {dialog}
    </div>
  );
}
