import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { currentActor } from "@/lib/auth/current";
import { loginPageSchema } from "@/lib/auth/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = loginPageSchema.safeParse(await searchParams);
  const { callbackUrl, expired } = params.success ? params.data : {};
  if (await currentActor()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-800 to-slate-900 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-2xl">
        <div className="mb-6 flex items-start justify-between gap-2">
          <div>
            <h1 className="text-xl font-bold text-brand-800">{t("common.appName")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("login.subtitle")}</p>
          </div>
          <LanguageSwitch />
        </div>
        <LoginForm callbackUrl={callbackUrl} expired={expired === "1"} />
        <p className="mt-6 text-center text-xs text-slate-400">{t("login.footer")}</p>
      </div>
    </main>
  );
}
