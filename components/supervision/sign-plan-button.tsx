"use client";
import { useTranslations } from "next-intl";
import { signPlanAction } from "@/app/(app)/supervision/dispatch/actions";
import { useConfirm } from "@/components/ui/confirm";
import { useAction } from "@/components/ui/use-action";

/** 签字认领, shown only to the leader named on the plan (the server checks it again). */
export function SignPlanButton({
  projectId,
  projectName,
  year,
  version,
}: {
  projectId: string;
  projectName: string;
  year: number;
  version: number;
}) {
  const t = useTranslations("plans");
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        data-testid="plan-sign"
        className="rounded-md bg-emerald-700 px-4 py-1.5 text-sm text-white hover:bg-emerald-800 disabled:opacity-60"
        onClick={async () => {
          const ok = await confirm({
            title: t("signConfirm", { project: projectName, year }),
            body: t("signBody"),
            confirmLabel: t("sign"),
          });
          if (ok) run(() => signPlanAction(projectId, year, version), undefined, t("signedToast"));
        }}
      >
        {t("sign")}
      </button>
      {firstError ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {firstError}
        </p>
      ) : null}
      {dialog}
    </div>
  );
}
