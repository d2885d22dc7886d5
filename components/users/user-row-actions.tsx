"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  endSessionsAction,
  resetPasswordAction,
  unlockLoginAction,
  updateUserAction,
} from "@/app/(app)/admin/users/actions";
import { useConfirm } from "@/components/ui/confirm";
import { FieldMessage, FormError } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/schema-form";
import { useAction } from "@/components/ui/use-action";
import { can, roles, type Role } from "@/lib/auth/permissions";
import { resetPasswordSchema, updateUserSchema } from "@/lib/users/schemas";

type Props = {
  user: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    active: boolean;
    version: number;
    departmentId: string | null;
    openSessions: number;
    loginLocked: boolean;
  };
  departments: { id: string; name: string }[];
  isSelf: boolean;
};

const small = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50";
const input = "rounded border border-slate-300 px-2 py-0.5 text-xs";

/**
 * What an admin does with one user: role (asked first: it ends the user's sessions and
 * tokens), name and department, deactivation, password reset, ending sessions, lifting a
 * login lock. Each says what happened; refusals show once, under the row.
 */
export function UserRowActions({ user, departments, isSelf }: Props) {
  const t = useTranslations();
  const { firstError, pending: acting, run } = useAction();
  const { confirm, dialog } = useConfirm();
  const [open, setOpen] = useState<"edit" | "password" | null>(null);
  const reset = useSchemaForm<{ password: string }>({
    schema: resetPasswordSchema,
    defaultValues: { password: "" },
    action: (values) => resetPasswordAction(user.id, values),
    onSuccess: () => {
      reset.form.reset();
      setOpen(null);
    },
    success: t("users.passwordReset"),
  });
  const edit = useSchemaForm<{ displayName: string; departmentId: string; version: number }>({
    schema: updateUserSchema,
    defaultValues: { displayName: user.displayName, departmentId: user.departmentId ?? "", version: user.version },
    action: (values) => updateUserAction(user.id, values),
    onSuccess: () => setOpen(null),
  });
  const pending = acting || reset.pending || edit.pending;

  const changeRole = async (select: HTMLSelectElement) => {
    const role = select.value;
    const ok = await confirm({
      title: t("users.confirmRoleTitle", { name: user.displayName, role: t(`roles.${role}`) }),
      body: t("users.confirmRoleBody"),
      confirmLabel: t("users.changeRole"),
      // Granting or taking away the keys to user management weighs most.
      destructive: can(role as Role, "user.manage") || can(user.role as Role, "user.manage"),
    });
    if (!ok) {
      select.value = user.role;
      return;
    }
    run(() => updateUserAction(user.id, { role, version: user.version }), undefined, t("users.updated"));
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`user-actions-${user.username}`}>
      {/* Keyed by the version: after a save it shows the role read fresh. */}
      <select
        key={user.version}
        aria-label={t("users.changeRole")}
        className={input}
        defaultValue={user.role}
        disabled={pending || isSelf}
        onChange={(e) => void changeRole(e.currentTarget)}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending}
        className={small}
        onClick={() => setOpen(open === "edit" ? null : "edit")}
      >
        {t("users.edit")}
      </button>
      {!isSelf ? (
        <button
          type="button"
          disabled={pending}
          className={small}
          onClick={async () => {
            if (
              user.active &&
              !(await confirm({
                title: t("users.confirmDeactivateTitle", { name: user.displayName }),
                body: t("users.confirmDeactivate", { name: user.displayName }),
                confirmLabel: t("users.deactivate"),
                destructive: true,
              }))
            )
              return;
            run(
              () => updateUserAction(user.id, { active: !user.active, version: user.version }),
              undefined,
              t("users.updated"),
            );
          }}
        >
          {user.active ? t("users.deactivate") : t("users.activate")}
        </button>
      ) : null}
      {user.openSessions > 0 && !isSelf ? (
        <button
          type="button"
          disabled={pending}
          className={small}
          data-testid={`end-sessions-${user.username}`}
          onClick={async () => {
            if (
              !(await confirm({
                title: t("users.endSessions", { n: user.openSessions }),
                body: t("users.confirmEndSessions", { name: user.displayName, n: user.openSessions }),
                confirmLabel: t("users.endSessions", { n: user.openSessions }),
                destructive: true,
              }))
            )
              return;
            run(() => endSessionsAction(user.id), undefined, t("users.sessionsEnded"));
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
          onClick={() => run(() => unlockLoginAction(user.id), undefined, t("users.unlocked"))}
        >
          {t("users.unlock")}
        </button>
      ) : null}
      <button
        type="button"
        disabled={pending}
        className={small}
        onClick={() => setOpen(open === "password" ? null : "password")}
      >
        {t("users.resetPassword")}
      </button>
      {open === "edit" ? (
        <form className="flex w-full flex-wrap items-center gap-1" noValidate onSubmit={edit.submit}>
          <input
            id={`edit-name-${user.id}`}
            aria-label={t("users.displayName")}
            className={`${input} w-28`}
            {...edit.form.register("displayName")}
          />
          <select
            id={`edit-department-${user.id}`}
            aria-label={t("users.department")}
            className={input}
            {...edit.form.register("departmentId")}
          >
            <option value="">{t("users.noDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={edit.pending} className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white">
            {t("common.save")}
          </button>
          <FieldMessage htmlFor={`edit-name-${user.id}`} message={edit.fieldError("displayName")} />
          <FieldMessage htmlFor={`edit-department-${user.id}`} message={edit.fieldError("departmentId")} />
          <FormError message={edit.error} className="w-full" />
        </form>
      ) : null}
      {open === "password" ? (
        <form className="flex w-full flex-wrap items-center gap-1" noValidate onSubmit={reset.submit}>
          <input
            id={`reset-password-${user.id}`}
            type="password"
            aria-label={t("users.newPassword")}
            placeholder={t("users.newPassword")}
            autoComplete="new-password"
            className={`${input} w-32`}
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
              setOpen(null);
            }}
          >
            {t("common.cancel")}
          </button>
          <FieldMessage htmlFor={`reset-password-${user.id}`} message={reset.fieldError("password")} />
          <FormError message={reset.error} className="w-full" />
        </form>
      ) : null}
      {firstError ? (
        <span role="alert" className="text-xs text-red-600">
          {firstError}
        </span>
      ) : null}
      {dialog}
    </div>
  );
}
