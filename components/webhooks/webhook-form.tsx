"use client";
import { useTranslations } from "next-intl";
import { createWebhookAction, updateWebhookAction } from "@/app/(app)/admin/webhooks/actions";
import { Field, FieldMessage, FormError, inputClass } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { notificationKinds } from "@/lib/notifications/kinds";
import { createWebhookSchema, updateWebhookSchema, webhookKinds } from "@/lib/notifications/schemas";
import { requiredFields } from "@/lib/schemas";
import type { WebhookView } from "@/lib/notifications/webhook-view";

type Values = {
  name: string;
  kind: string;
  url: string;
  secret: string;
  clearSecret: boolean;
  departmentId: string;
  events: string[];
  active: boolean;
  version?: number;
};

const required = requiredFields(createWebhookSchema);

/**
 * Adds a robot, or edits one (`webhook` given). The saved URL and secret hold the robot's key
 * and are never shown again: blank keeps them. The secret is asked for 钉钉 only (加签).
 */
export function WebhookForm({
  webhook,
  departments,
  onDone,
}: {
  webhook?: WebhookView;
  departments: { id: string; name: string }[];
  onDone?: () => void;
}) {
  const t = useTranslations();
  const editing = !!webhook;
  const prefix = webhook ? `webhook-${webhook.id}` : "new-webhook";
  const { form, submit, error, fieldError, pending } = useSchemaForm<Values>({
    schema: editing ? updateWebhookSchema : createWebhookSchema,
    defaultValues: {
      name: webhook?.name ?? "",
      kind: webhook?.kind ?? "WECOM",
      url: "",
      secret: "",
      clearSecret: false,
      departmentId: webhook?.departmentId ?? "",
      events: webhook?.events ?? [],
      active: webhook?.active ?? true,
      ...(webhook ? { version: webhook.version } : {}),
    },
    action: (values) => {
      const { clearSecret, ...rest } = values;
      return webhook
        ? updateWebhookAction(webhook.id, { ...rest, clearSecret: clearSecret || undefined })
        : createWebhookAction(rest);
    },
    onSuccess: () => {
      if (!editing) form.reset();
      onDone?.();
    },
    success: (data) => t(editing ? "webhooks.updated" : "webhooks.created", { name: (data as WebhookView).name }),
  });
  const kind = form.watch("kind");
  const id = (f: string) => `${prefix}-${f}`;

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-3 md:grid-cols-2" data-testid={`${prefix}-form`}>
      <Field label={t("webhooks.name")} htmlFor={id("name")} error={fieldError("name")} required={required.has("name")}>
        <input id={id("name")} className={inputClass} {...form.register("name")} />
      </Field>
      <Field label={t("webhooks.kind")} htmlFor={id("kind")} error={fieldError("kind")} required={required.has("kind")}>
        <select id={id("kind")} className={inputClass} {...form.register("kind")}>
          {webhookKinds.map((k) => (
            <option key={k} value={k}>
              {t(`webhooks.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="md:col-span-2">
        <Field label={t("webhooks.url")} htmlFor={id("url")} error={fieldError("url")} required={!editing}>
          <input
            id={id("url")}
            className={`${inputClass} font-mono`}
            autoComplete="off"
            spellCheck={false}
            placeholder={
              webhook
                ? t("webhooks.urlKeep", { url: webhook.url })
                : "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
            }
            {...form.register("url")}
          />
        </Field>
        <p className="mt-1 text-xs text-slate-500">{t("webhooks.urlHint")}</p>
      </div>
      {kind === "DINGTALK" ? (
        <div className="md:col-span-2">
          <Field label={t("webhooks.secret")} htmlFor={id("secret")} error={fieldError("secret")}>
            <input
              id={id("secret")}
              type="password"
              autoComplete="new-password"
              className={`${inputClass} font-mono`}
              placeholder={webhook?.secretSet ? t("webhooks.secretKeep") : "SEC…"}
              {...form.register("secret")}
            />
          </Field>
          <p className="mt-1 text-xs text-slate-500">{t("webhooks.secretHint")}</p>
          {webhook?.secretSet ? (
            <label className="mt-1 flex items-center gap-2 text-xs text-slate-600">
              <input type="checkbox" {...form.register("clearSecret")} />
              {t("webhooks.clearSecret")}
            </label>
          ) : null}
        </div>
      ) : null}
      <Field label={t("webhooks.unit")} htmlFor={id("departmentId")} error={fieldError("departmentId")}>
        <select id={id("departmentId")} className={inputClass} {...form.register("departmentId")}>
          <option value="">{t("webhooks.wholeBureau")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
        <input type="checkbox" {...form.register("active")} />
        {t("webhooks.active")}
      </label>
      <fieldset className="md:col-span-2" id={id("events")}>
        <legend className="text-xs font-medium text-slate-600">
          {t("webhooks.events")} <span className="font-normal text-slate-500">（{t("webhooks.eventsHint")}）</span>
        </legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-4">
          {notificationKinds.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" value={k} {...form.register("events")} />
              {t(`notifications.kindNames.${k}`)}
            </label>
          ))}
        </div>
        <FieldMessage htmlFor={id("events")} message={fieldError("events")} />
      </fieldset>
      <FormError message={error} className="md:col-span-2" />
      <div className="flex gap-2 md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("common.saving") : editing ? t("common.save") : t("webhooks.create")}
        </button>
        {onDone && editing ? (
          <button type="button" className="px-3 py-1.5 text-sm text-slate-600" onClick={onDone}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
