"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";

// A page that could not be rendered. While the database is down (the health check says so)
// it says that, checks again every 5 s and shows the page again once the database is back;
// the production server answers such a page with 503 (scripts/serve.ts).
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("unavailable");
  const router = useRouter();
  const [databaseDown, setDatabaseDown] = useState(false);

  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);

  useEffect(() => {
    let cancelled = false;
    let wasDown = false;
    const check = async () => {
      const down = await fetch("/api/v1/health", { cache: "no-store" })
        .then((r) => !r.ok)
        .catch(() => true);
      if (cancelled) return;
      setDatabaseDown(down);
      if (wasDown && !down) retry();
      wasDown = down;
    };
    void check();
    const timer = setInterval(() => void check(), 5000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [retry]);

  return (
    <main
      className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center"
      data-testid="page-error"
    >
      <h1 className="text-2xl font-bold text-slate-800">{t("title")}</h1>
      <p className="text-slate-600">{databaseDown ? t("database") : t("other")}</p>
      <button type="button" onClick={retry} className="text-brand-700 hover:underline">
        {t("retry")}
      </button>
    </main>
  );
}
