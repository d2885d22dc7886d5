"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resetPasswordAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { roles } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/auth/action";

type Props = {
  user: { id: string; username: string; displayName: string; role: string; active: boolean; version: number };
  isSelf: boolean;
};

export function UserRowActions({ user, isSelf }: Props) {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");

  const run = (fn: () => Promise<ActionResult<unknown>>, okText: string) =>
    start(async () => {
      const res = await fn();
      if (res.ok) setMessage({ ok: true, text: okText });
      else setMessage({ ok: false, text: Object.values(res.error.fields ?? {})[0] ?? res.error.message });
    });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`user-actions-${user.username}`}>
      <select
        aria-label={t("users.changeRole")}
        className="rounded border border-slate-300 px-1 py-0.5 text-xs"
        defaultValue={user.role}
        disabled={pending || isSelf}
        onChange={(e) =>
          run(() => updateUserAction(user.id, { role: e.target.value, version: user.version }), t("users.updated"))
        }
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      {!isSelf ? (
        <button
          type="button"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
          onClick={() => {
            if (user.active && !window.confirm(t("users.confirmDeactivate", { name: user.displayName }))) return;
            run(() => updateUserAction(user.id, { active: !user.active, version: user.version }), t("users.updated"));
          }}
        >
          {user.active ? t("users.deactivate") : t("users.activate")}
        </button>
      ) : null}
      {resetting ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => resetPasswordAction(user.id, { password }), t("users.passwordReset"));
            setPassword("");
            setResetting(false);
          }}
        >
          <input
            type="password"
            aria-label={t("users.newPassword")}
            placeholder={t("users.newPassword")}
            autoComplete="new-password"
            className="w-32 rounded border border-slate-300 px-2 py-0.5 text-xs"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white">
            {t("common.save")}
          </button>
          <button type="button" className="px-1 text-xs text-slate-500" onClick={() => setResetting(false)}>
            {t("common.cancel")}
          </button>
        </form>
      ) : (
        <button
          type="button"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
          onClick={() => setResetting(true)}
        >
          {t("users.resetPassword")}
        </button>
      )}
      {message ? (
        <span role="status" className={`text-xs ${message.ok ? "text-emerald-700" : "text-red-600"}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
