"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";

/** The file name a download answer gives (RFC 5987 `filename*` first, else `filename`). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? "")?.[1] ?? fallback;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * 导出 Excel of the grid's view. The file is fetched, not followed as a link, so that the
 * page can say what is going on while the server writes a long export ("正在导出 12,000 个
 * 项目…", then the bytes received as they arrive), and say once it is saved; the browser
 * then saves it under the server's name (招商项目_签约_2026-11-27.xlsx).
 */
export function ExportButton({ query, total }: { query: string; total: number }) {
  const t = useTranslations("exports");
  const label = useTranslations("projects")("exportXlsx");
  const toast = useToast();
  const [progress, setProgress] = useState<{ received: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    setProgress({ received: 0 });
    try {
      const res = await fetch(`/api/v1/projects/export?${query}`, { cache: "no-store" });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        setError(body?.error?.message ?? t("failed"));
        return;
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setProgress({ received });
      }
      const name = fileNameOf(res.headers.get("content-disposition"), "projects.xlsx");
      const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get("content-type") ?? undefined }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      toast(t("done", { name }));
    } catch {
      setError(t("failed"));
    } finally {
      setProgress(null);
    }
  }

  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        onClick={run}
        disabled={progress !== null}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60"
        data-testid="export-xlsx"
      >
        {label}
      </button>
      {progress ? (
        <span role="status" className="text-xs text-slate-600" data-testid="export-progress">
          {t("running", { n: total.toLocaleString("zh-CN") })}
          {progress.received ? ` ${t("received", { size: size(progress.received) })}` : ""}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
