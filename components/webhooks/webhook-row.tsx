"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { deleteWebhookAction, testWebhookAction, updateWebhookAction } from "@/app/(app)/admin/webhooks/actions";
import { useConfirm } from "@/components/ui/confirm";
import { useAction } from "@/components/ui/use-action";
import type { WebhookView } from "@/lib/notifications/webhook-view";
import { WebhookForm } from "./webhook-form";

type Row = WebhookView & { deliveries: { pending: number; sent: number; failed: number } };

const small = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50";

/** One robot in the list: what it receives, its delivery counts, and what an admin does with it. */
export function WebhookRow({ webhook, departments }: { webhook: Row; departments: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const { confirm, dialog } = useConfirm();
  const { run, pending, firstError } = useAction();
  const w = webhook;

  const toggleActive = async () => {
    if (
      w.active &&
      !(await confirm({
        title: t("webhooks.confirmDeactivateTitle", { name: w.name }),
        body: t("webhooks.confirmDeactivateBody"),
        confirmLabel: t("webhooks.deactivate"),
      }))
    )
      return;
    run(
      () => updateWebhookAction(w.id, { active: !w.active, version: w.version }),
      undefined,
      t("webhooks.updated", { name: w.name }),
    );
  };
  const remove = async () => {
    if (
      !(await confirm({
        title: t("webhooks.confirmDeleteTitle", { name: w.name }),
        body: t("webhooks.confirmDeleteBody"),
        confirmLabel: t("webhooks.delete"),
        destructive: true,
      }))
    )
      return;
    run(() => deleteWebhookAction(w.id, w.version), undefined, t("webhooks.deleted", { name: w.name }));
  };

  return (
    <>
      <tr data-testid="webhook-row" data-name={w.name} className={w.active ? "" : "bg-slate-50 text-slate-400"}>
        <td className="px-3 py-2">
          <div className="font-medium">{w.name}</div>
          <div className="break-all font-mono text-xs text-slate-500">{w.url}</div>
        </td>
        <td className="px-3 py-2">
          {t(`webhooks.kinds.${w.kind}`)}
          {w.kind === "DINGTALK" ? (
            <div className="text-xs text-slate-500">
              {t("webhooks.secret")}：{w.secretSet ? t("webhooks.secretSet") : t("webhooks.secretNone")}
            </div>
          ) : null}
        </td>
        <td className="px-3 py-2">{w.departmentName ?? t("webhooks.wholeBureau")}</td>
        <td className="px-3 py-2 text-xs">
          {w.events.length
            ? w.events.map((k) => t(`notifications.kindNames.${k}` as never)).join(t("common.listSeparator"))
            : t("webhooks.allEvents")}
        </td>
        <td className="px-3 py-2">{w.active ? t("webhooks.active") : t("webhooks.inactive")}</td>
        <td className="px-3 py-2 text-xs">
          <Link href={`/admin/webhooks/${w.id}`} className="text-brand-700 hover:underline">
            {t("webhooks.counts", w.deliveries)}
          </Link>
        </td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap gap-1">
            <button type="button" className={small} disabled={pending} onClick={() => setEditing(!editing)}>
              {t("webhooks.edit")}
            </button>
            <button type="button" className={small} disabled={pending} onClick={() => void toggleActive()}>
              {w.active ? t("webhooks.deactivate") : t("webhooks.activate")}
            </button>
            <button
              type="button"
              className={small}
              disabled={pending}
              onClick={() => run(() => testWebhookAction(w.id), undefined, t("webhooks.testQueued"))}
            >
              {t("webhooks.sendTest")}
            </button>
            <button
              type="button"
              className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50"
              disabled={pending}
              onClick={() => void remove()}
            >
              {t("webhooks.delete")}
            </button>
          </div>
          {firstError ? (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {firstError}
            </p>
          ) : null}
          {dialog}
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={7} className="bg-slate-50 px-3 py-3">
            <WebhookForm webhook={w} departments={departments} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
