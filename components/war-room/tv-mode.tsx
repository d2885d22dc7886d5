"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { WarRoomData } from "@/lib/war-room/board";
import { WarRoomBoard } from "./board";
import { ParkPlan } from "./park-plan";
import { RedList } from "./red-list";
import type { WarRoomFilters } from "./tone";

const views = ["board", "plan", "redList"] as const;

const clock = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
const hhmm = (iso: string) => clock.format(new Date(iso)).slice(0, 5);

/**
 * The wall screen (大屏): over the whole window, large type, no navigation. It reads the API
 * itself every `refresh` seconds and turns board → park plan → red list every `rotate`
 * seconds; a failed refresh keeps the last good data on the wall and says since when.
 */
export function WarRoomTv({
  initial,
  filters,
  rotate,
  refresh,
}: {
  initial: WarRoomData;
  filters: WarRoomFilters;
  rotate: number;
  refresh: number;
}) {
  const t = useTranslations("warRoom");
  const [data, setData] = useState(initial);
  const [failed, setFailed] = useState(false);
  // The view on the wall, since when, and the clock's time (one state: one tick updates all).
  const [screen, setScreen] = useState(() => ({ view: 0, since: Date.now(), now: Date.now() }));
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();

  // The page under the wall screen does not scroll (the screen scrolls itself when it must), and
  // the shell's navigation under it takes no focus and no clicks (inert).
  useEffect(() => {
    const before = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const chrome = [...document.querySelectorAll<HTMLElement>("[data-shell-chrome]")];
    for (const el of chrome) el.inert = true;
    return () => {
      document.body.style.overflow = before;
      for (const el of chrome) el.inert = false;
    };
  }, []);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch(`/api/v1/reports/war-room${query ? `?${query}` : ""}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as WarRoomData;
        if (!stopped) {
          setData(next);
          setFailed(false);
        }
      } catch {
        if (!stopped) setFailed(true);
      }
    };
    const id = setInterval(load, refresh * 1000);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [query, refresh]);

  useEffect(() => {
    const id = setInterval(() => {
      const now = Date.now();
      setScreen((s) =>
        now - s.since >= rotate * 1000 ? { view: (s.view + 1) % views.length, since: now, now } : { ...s, now },
      );
    }, 250);
    return () => clearInterval(id);
  }, [rotate]);

  const { view, now } = screen;
  const elapsed = Math.min(1, (now - screen.since) / (rotate * 1000));
  const current = views[view];
  const updated = failed
    ? t("refreshFailed", { time: hhmm(data.generatedAt) })
    : t("updatedAt", { time: hhmm(data.generatedAt) });
  return (
    <div
      className="fixed inset-0 z-50 flex flex-col overflow-auto bg-slate-900 px-6 py-4 text-white"
      data-testid="war-room-tv"
      data-view={current}
      data-total={data.columns.reduce((n, c) => n + c.count, 0)}
    >
      <header className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-4xl font-bold">{t("title")}</h1>
        <ol className="flex gap-2 text-xl">
          {views.map((v, i) => (
            <li
              key={v}
              aria-current={i === view ? "step" : undefined}
              className={`rounded px-3 py-1 ${i === view ? "bg-sky-600 text-white" : "bg-slate-800 text-slate-400"}`}
            >
              {t(`views.${v}`)}
            </li>
          ))}
        </ol>
        <div className="ml-auto flex flex-wrap items-center gap-4 text-xl">
          <span
            data-testid="tv-updated"
            data-failed={failed ? "1" : "0"}
            className={failed ? "text-amber-300" : "text-slate-300"}
          >
            {updated}
          </span>
          <span className="font-mono text-3xl tabular-nums" data-testid="tv-clock">
            {clock.format(new Date(now))}
          </span>
          <Link href={`/war-room${query ? `?${query}` : ""}`} className="text-base text-slate-400 underline">
            {t("exitTv")}
          </Link>
        </div>
      </header>
      <div className="mb-4 h-1.5 w-full rounded bg-slate-800" aria-hidden>
        <div className="h-full rounded bg-sky-500" style={{ width: `${Math.round(elapsed * 100)}%` }} />
      </div>
      <p className="sr-only">{t("nextView", { s: Math.max(0, Math.ceil(rotate - elapsed * rotate)) })}</p>
      <main className="min-h-0 flex-1">
        <h2 className="sr-only">{t(`views.${current}`)}</h2>
        {current === "board" ? <WarRoomBoard columns={data.columns} filters={filters} tv /> : null}
        {current === "plan" ? <ParkPlan data={data} filters={filters} tv /> : null}
        {current === "redList" ? <RedList data={data.redList} tv /> : null}
      </main>
    </div>
  );
}
