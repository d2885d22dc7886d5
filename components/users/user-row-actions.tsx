"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  endSessionsAction,
  resetPasswordAction,
  unlockLoginAction,
  updateUserAction,
} from "@/app/(app)/admin/users/actions";
import { FieldMessage, FormError } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction, type ActionOutcome } from "@/components/ui/use-action";
import { roles } from "@/lib/auth/permissions";
import { resetPasswordSchema } from "@/lib/users/schemas";

type Props = {
  user: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    active: boolean;
    version: number;
    openSessions: number;
    loginLocked: boolean;
  };
  isSelf: boolean;
};

type Values = { password: string };

export function UserRowActions({ user, isSelf }: Props) {
  const t = useTranslations();
  const { firstError, pending: acting, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const reset = useSchemaForm<Values>({
    schema: resetPasswordSchema,
    defaultValues: { password: "" },
    action: (values) => resetPasswordAction(user.id, values),
    onSuccess: () => {
      reset.form.reset();
      setResetting(false);
      setDone(t("users.passwordReset"));
    },
  });
  const pending = acting || reset.pending;

  /** A change without inputs (role, active): its success text, or the refusal. */
  const act = (fn: () => Promise<ActionOutcome>) => {
    setDone(null);
    run(fn, () => setDone(t("users.updated")));
  };
  // The last outcome: act() clears the success text first, so its refusal shows; a password
  // reset's success is newer than an earlier refusal.
  const message = done ? { ok: true, text: done } : firstError ? { ok: false, text: firstError } : null;

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`user-actions-${user.username}`}>
      {/* Keyed by the version: after a save it shows the role read fresh; the outcome text stays. */}
      <select
        key={user.version}
        aria-label={t("users.changeRole")}
        className="rounded border border-slate-300 px-1 py-0.5 text-xs"
        defaultValue={user.role}
        disabled={pending || isSelf}
        onChange={(e) => act(() => updateUserAction(user.id, { role: e.target.value, version: user.version }))}
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
            act(() => updateUserAction(user.id, { active: !user.active, version: user.version }));
          }}
        >
          {user.active ? t("users.deactivate") : t("users.activate")}
        </button>
      ) : null}
      {user.openSessions > 0 && !isSelf ? (
        <button
          type="button"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
          data-testid={`end-sessions-${user.username}`}
          onClick={() => {
            if (!window.confirm(t("users.confirmEndSessions", { name: user.displayName, n: user.openSessions })))
              return;
            setDone(null);
            run(
              () => endSessionsAction(user.id),
              () => setDone(t("users.sessionsEnded")),
            );
          }}
        >
          {t("users.endSessions", { n: user.openSessions })}
        </button>
      ) : null}
      {user.loginLocked ? (
        <button
          type="button"
          disabled={pending}
          className="rounded border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs text-amber-900 hover:bg-amber-100"
          data-testid={`unlock-${user.username}`}
          onClick={() => {
            setDone(null);
            run(
              () => unlockLoginAction(user.id),
              () => setDone(t("users.unlocked")),
            );
          }}
        >
          {t("users.unlock")}
        </button>
      ) : null}
      {resetting ? (
        <form
          className="flex flex-wrap items-center gap-1"
          noValidate
          onSubmit={(e) => {
            setDone(null);
            return reset.submit(e);
          }}
        >
          <input
            id={`reset-password-${user.id}`}
            type="password"
            aria-label={t("users.newPassword")}
            placeholder={t("users.newPassword")}
            autoComplete="new-password"
            className="w-32 rounded border border-slate-300 px-2 py-0.5 text-xs"
            {...reset.form.register("password")}
          />
          <button
            type="submit"
            disabled={reset.pending}
            className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white disabled:opacity-60"
          >
            {t("common.save")}
          </button>
          <button
            type="button"
            className="px-1 text-xs text-slate-500"
            onClick={() => {
              reset.form.reset();
              reset.setError(null);
              setResetting(false);
            }}
          >
            {t("common.cancel")}
          </button>
          <FieldMessage htmlFor={`reset-password-${user.id}`} message={reset.fieldError("password")} />
          <FormError message={reset.error} className="w-full" />
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
