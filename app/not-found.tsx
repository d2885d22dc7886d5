import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-bold text-slate-800">{t("title")}</h1>
      <Link href="/" className="text-brand-700 hover:underline">
        {t("back")}
      </Link>
    </main>
  );
}
