"use server";
import { cookies } from "next/headers";
import { localeCookie, resolveLocale } from "@/lib/i18n/config";

/** The language switch: a cookie, valid for a year; no session needed. */
export async function setLocaleAction(locale: string) {
  const store = await cookies();
  store.set(localeCookie, resolveLocale(locale), { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
