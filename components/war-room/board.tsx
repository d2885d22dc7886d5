"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Money } from "@/components/ui/money";
import type { WarRoomCard, WarRoomData } from "@/lib/war-room/board";
import { gridHref, warningTone, type WarRoomFilters } from "./tone";

function Card({ card, tv }: { card: WarRoomCard; tv: boolean }) {
  const t = useTranslations();
  const reasons = card.warningReasons.map((r) => r.message);
  const title = [
    `${card.code} ${card.name}`,
    card.enterpriseName,
    [card.parkName, card.leaderName ? t("warRoom.leader", { name: card.leaderName }) : t("warRoom.noLeader")]
      .filter(Boolean)
      .join(" · "),
    t(`warnings.${card.warning}`),
    ...reasons,
  ].join("\n");
  return (
    <li>
      <Link
        href={`/projects/${card.id}`}
        title={title}
        data-testid="war-room-card"
        data-warning={card.warning}
        className={`block rounded border border-l-4 border-slate-200 px-2 py-1.5 text-slate-900 hover:shadow ${warningTone[card.warning].card}`}
      >
        <span className={`line-clamp-2 font-medium leading-snug ${tv ? "text-lg" : "text-sm"}`}>{card.name}</span>
        <span
          className={`mt-0.5 flex flex-wrap items-baseline justify-between gap-x-2 ${tv ? "text-base" : "text-xs"}`}
        >
          <span className="truncate text-slate-500">{card.leaderName ?? t("warRoom.noLeader")}</span>
          <span className="font-medium text-slate-800">
            <Money wan={card.investment} />
          </span>
        </span>
        {reasons.length ? (
          <span className={`block truncate text-red-700 ${tv ? "text-sm" : "text-xs"}`}>{reasons[0]}</span>
        ) : null}
      </Link>
    </li>
  );
}

/**
 * One column per stage with its count and total over every matching project; at a phone's
 * width one column at a time (stage tabs, or swipe: the columns snap).
 */
export function WarRoomBoard({
  columns,
  filters,
  tv = false,
}: {
  columns: WarRoomData["columns"];
  filters: WarRoomFilters;
  tv?: boolean;
}) {
  const t = useTranslations();
  const [active, setActive] = useState(0);
  const strip = useRef<HTMLDivElement>(null);
  const show = (i: number) => {
    setActive(i);
    const el = strip.current?.children[i] as HTMLElement | undefined;
    strip.current?.scrollTo({ left: el?.offsetLeft ?? 0, behavior: "smooth" });
  };
  const onScroll = () => {
    const el = strip.current;
    if (!el || !el.clientWidth) return;
    const i = Math.round(el.scrollLeft / el.clientWidth);
    if (i !== active && i >= 0 && i < columns.length) setActive(i);
  };
  return (
    <div data-testid="war-room-board">
      <div role="tablist" aria-label={t("warRoom.stageTabs")} className="mb-2 flex gap-1 overflow-x-auto md:hidden">
        {columns.map((c, i) => (
          <button
            key={c.stage}
            type="button"
            role="tab"
            aria-selected={i === active}
            data-testid="stage-tab"
            onClick={() => show(i)}
            className={`shrink-0 rounded-full px-3 py-1 text-sm ${i === active ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
          >
            {t(`stages.${c.stage}`)} {c.count}
          </button>
        ))}
      </div>
      <div
        ref={strip}
        onScroll={onScroll}
        className="flex snap-x snap-mandatory gap-3 overflow-x-auto md:grid md:snap-none md:grid-cols-4 md:overflow-visible xl:grid-cols-8 xl:gap-2"
      >
        {columns.map((c) => (
          <section
            key={c.stage}
            data-testid="war-room-column"
            data-stage={c.stage}
            className={`flex w-full shrink-0 snap-start flex-col rounded-lg p-2 md:w-auto md:min-w-0 ${tv ? "bg-slate-800" : "bg-slate-100"}`}
          >
            <header className={`mb-2 ${tv ? "text-white" : "text-slate-800"}`}>
              <h2 className={`font-semibold ${tv ? "text-2xl" : "text-sm"}`}>{t(`stages.${c.stage}`)}</h2>
              <p className={`flex flex-wrap items-baseline justify-between gap-x-2 ${tv ? "text-xl" : "text-xs"}`}>
                <span data-testid="column-count" className="font-bold tabular-nums">
                  {t("warRoom.count", { n: c.count })}
                </span>
                <span data-testid="column-investment" data-wan={c.investment}>
                  <Money wan={c.investment} />
                </span>
              </p>
            </header>
            {c.cards.length ? (
              <ul className="space-y-1.5">
                {c.cards.map((card) => (
                  <Card key={card.id} card={card} tv={tv} />
                ))}
              </ul>
            ) : (
              <p className={`py-4 text-center text-sm ${tv ? "text-slate-400" : "text-slate-500"}`}>
                {t("warRoom.emptyColumn")}
              </p>
            )}
            {c.more > 0 ? (
              <Link
                href={gridHref(filters, { stage: c.stage })}
                data-testid="column-more"
                className={`mt-2 block text-center underline ${tv ? "text-lg text-sky-300" : "text-sm text-brand-700"}`}
              >
                {t("warRoom.more", { n: c.more })}
              </Link>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  );
}
