"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { errorLine } from "@/lib/imports/error-line";
import type { ImportJobView } from "@/lib/imports/jobs";

type Kind = "PROJECTS" | "ENTERPRISES";

type Answer = { ok: true; job: ImportJobView } | { ok: false; message: string };

/** A job from the API, or the refusal's message (the field message when there is one). */
async function readJob(res: Response): Promise<Answer> {
  const body = await res.json();
  if (res.ok) return { ok: true, job: body as ImportJobView };
  const err = body.error as { message: string; fields?: Record<string, string> };
  return { ok: false, message: Object.values(err.fields ?? {})[0] ?? err.message };
}

/**
 * Upload → dry run (progress, then every row's outcome; the rows with errors as a file to
 * correct) → import (progress, summary, the imported projects in the grid). The work runs
 * on the server as a job; this page polls it.
 */
export function ImportWizard({
  kind,
  doneHref,
  importedHref,
}: {
  kind: Kind;
  doneHref: string;
  /** The list filtered by the import job (`?importJob=`), where there is one. */
  importedHref: string | null;
}) {
  const t = useTranslations("imports");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportJobView | null>(null);
  const [imported, setImported] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipErrors, setSkipErrors] = useState(false);
  const [linkSimilar, setLinkSimilar] = useState(false);
  const [onlyIssues, setOnlyIssues] = useState(true);
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (polling.current) clearTimeout(polling.current);
    },
    [],
  );

  const follow = (job: ImportJobView, set: (j: ImportJobView) => void) => {
    set(job);
    if (job.status !== "RUNNING") {
      setBusy(false);
      return;
    }
    polling.current = setTimeout(async () => {
      // Only the rows after those already shown: a long file's list is not fetched again each time.
      const after = job.rows.length ? job.rows[job.rows.length - 1].row : 0;
      const res = await fetch(`/api/v1/imports/${job.id}?rowsAfter=${after}`, { cache: "no-store" });
      const answer = await readJob(res);
      if (!answer.ok) {
        setError(answer.message);
        setBusy(false);
      } else follow({ ...answer.job, rows: [...job.rows, ...answer.job.rows] }, set);
    }, 400);
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    setDryRun(null);
    setImported(null);
    setBusy(true);
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    const answer = await readJob(await fetch("/api/v1/imports", { method: "POST", body: form }));
    if (!answer.ok) {
      setError(answer.message);
      setBusy(false);
    } else follow(answer.job, setDryRun);
  };

  const commit = async () => {
    if (!dryRun) return;
    setError(null);
    setBusy(true);
    const res = await fetch(`/api/v1/imports/${dryRun.id}/commit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ skipErrors, linkSimilar }),
    });
    const answer = await readJob(res);
    if (!answer.ok) {
      setError(answer.message);
      setBusy(false);
    } else follow(answer.job, setImported);
  };

  const shown = imported ?? dryRun;
  const rows = shown ? shown.rows.filter((r) => !onlyIssues || r.errors.length || r.warnings.length || r.skipped) : [];
  const canCommit =
    dryRun?.status === "DONE" &&
    !imported &&
    (dryRun.failed === 0 || skipErrors) &&
    dryRun.created + dryRun.updated > 0;

  return (
    <div className="space-y-5" data-testid="import-wizard">
      <section className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("file")}</span>
          <input
            type="file"
            accept=".xlsx,.csv"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setDryRun(null);
              setImported(null);
            }}
            className="text-sm"
          />
        </label>
        <button
          type="button"
          onClick={start}
          disabled={!file || busy}
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-50"
          data-testid="import-dry-run"
        >
          {t("dryRun")}
        </button>
        <a href={`/api/v1/imports/template?kind=${kind}`} className="text-sm text-brand-700 underline">
          {t("template")}
        </a>
      </section>
      <p className="text-xs text-slate-500">{t(kind === "PROJECTS" ? "helpProjects" : "helpEnterprises")}</p>

      {error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-error">
          {error}
        </p>
      ) : null}

      {shown ? (
        <section className="space-y-3" data-testid={imported ? "import-result" : "dry-run-result"}>
          <h2 className="text-sm font-semibold text-slate-700">
            {imported ? t("importTitle") : t("dryRunTitle")} · {shown.fileName}
          </h2>
          <Progress job={shown} />
          {shown.error ? (
            <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
              {shown.error}
            </p>
          ) : null}
          {shown.notices.length ? (
            <ul className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="import-notices">
              {shown.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {shown.status !== "FAILED" ? (
            <dl className="flex flex-wrap gap-4 text-sm" data-testid="import-counts">
              <Count label={t(imported ? "created" : "toCreate")} n={shown.created} tone="text-green-700" />
              <Count label={t(imported ? "updated" : "toUpdate")} n={shown.updated} tone="text-blue-700" />
              <Count label={t("unchanged")} n={shown.unchanged} tone="text-slate-600" />
              <Count label={t("failed")} n={shown.failed} tone="text-red-700" />
              <Count label={t("warnings")} n={shown.warnings} tone="text-amber-700" />
              {shown.skipped ? <Count label={t("skipped")} n={shown.skipped} tone="text-slate-500" /> : null}
            </dl>
          ) : null}

          {shown.status === "DONE" && !imported ? (
            <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              {dryRun!.failed > 0 ? (
                <p className="text-slate-600">
                  <a
                    href={`/api/v1/imports/${dryRun!.id}/errors`}
                    download
                    className="font-medium text-brand-700 underline"
                    data-testid="import-errors-download"
                  >
                    {t("downloadErrors")}
                  </a>{" "}
                  {t("errorsHelp", { n: dryRun!.failed })}
                </p>
              ) : null}
              {dryRun!.failed > 0 ? (
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={skipErrors}
                    onChange={(e) => setSkipErrors(e.target.checked)}
                    data-testid="skip-errors"
                  />{" "}
                  {t("skipErrors", { n: dryRun!.failed })}
                </label>
              ) : null}
              {dryRun!.warnings > 0 ? (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={linkSimilar} onChange={(e) => setLinkSimilar(e.target.checked)} />{" "}
                  {t("linkSimilar")}
                </label>
              ) : null}
              <button
                type="button"
                onClick={commit}
                disabled={!canCommit || busy}
                className="rounded-md bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800 disabled:opacity-50"
                data-testid="import-commit"
              >
                {t("commit", { n: dryRun!.created + dryRun!.updated })}
              </button>
              {dryRun!.created + dryRun!.updated === 0 ? <p className="text-slate-600">{t("nothingToDo")}</p> : null}
            </div>
          ) : null}
          {imported?.status === "DONE" ? (
            <p className="text-sm">
              {importedHref && imported.created + imported.updated > 0 ? (
                <Link
                  href={`${importedHref}?importJob=${encodeURIComponent(imported.id)}`}
                  className="text-brand-700 underline"
                  data-testid="import-done-link"
                >
                  {t("viewImported", { created: imported.created, updated: imported.updated })}
                </Link>
              ) : (
                <Link href={doneHref} className="text-brand-700 underline" data-testid="import-done-link">
                  {t("done")}
                </Link>
              )}
            </p>
          ) : null}

          {shown.rows.length ? (
            <div>
              <label className="mb-2 flex items-center gap-2 text-xs text-slate-600">
                <input type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} />{" "}
                {t("onlyIssues")}
              </label>
              <div className="max-h-[28rem] overflow-auto rounded border border-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="import-rows">
                  <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold text-slate-600">
                    <tr>
                      <th className="px-3 py-2">{t("row")}</th>
                      <th className="px-3 py-2">{t("key")}</th>
                      <th className="px-3 py-2">{t("action")}</th>
                      <th className="px-3 py-2">{t("messages")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((r) => (
                      <tr key={r.row} data-row={r.row}>
                        <td className="px-3 py-1.5 tabular-nums">{r.row}</td>
                        <td className="px-3 py-1.5 font-mono text-xs">{r.key}</td>
                        <td className="px-3 py-1.5 whitespace-nowrap">{t(`actions.${r.action}`)}</td>
                        <td className="px-3 py-1.5">
                          <ul>
                            {r.errors.map((e, i) => (
                              <li key={`e${i}`} className="text-red-700">
                                {errorLine(e, (p) => t("errorValue", p))}
                              </li>
                            ))}
                            {r.skipped ? <li className="text-slate-500">{r.skipped}</li> : null}
                            {r.warnings.map((w, i) => (
                              <li key={`w${i}`} className="text-amber-700">
                                {w}
                              </li>
                            ))}
                            {r.conversions.map((c, i) => (
                              <li
                                key={`c${i}`}
                                className="text-slate-600"
                                title={t("conversionsTitle")}
                                data-testid="import-conversion"
                              >
                                {c}
                              </li>
                            ))}
                            {r.changes.length ? (
                              <li className="text-slate-600">{t("changes", { columns: r.changes.join("、") })}</li>
                            ) : null}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function Count({ label, n, tone }: { label: string; n: number; tone: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{n}</dd>
    </div>
  );
}

function Progress({ job }: { job: ImportJobView }) {
  const t = useTranslations("imports");
  const pct = job.total ? Math.round((job.processed / job.total) * 100) : job.status === "RUNNING" ? 0 : 100;
  return (
    <div>
      <div
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={t("progress")}
      >
        <div
          className={`h-full ${job.status === "FAILED" ? "bg-red-500" : "bg-brand-600"} transition-all`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-500" data-testid="import-progress">
        {job.status === "RUNNING"
          ? t("running", { done: job.processed, total: job.total })
          : job.status === "DONE"
            ? t("finished", { total: job.total })
            : t("failedJob")}
      </p>
    </div>
  );
}
