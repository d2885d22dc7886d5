"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton() {
  const t = useTranslations("common");
  return (
    <button
      type="button"
      data-testid="logout"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
    >
      {t("logout")}
    </button>
  );
}
