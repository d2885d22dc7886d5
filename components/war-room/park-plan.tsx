"use client";
import { useTranslations } from "next-intl";
import type { WarRoomData } from "@/lib/war-room/board";
import {
  PLAN_HEIGHT,
  PLAN_WIDTH,
  coastPath,
  labelPoint,
  labelSize,
  markerPoint,
  parkShapes,
  pointsAttr,
  roadPaths,
  seaPath,
} from "./plan-geometry";
import { gridHref, warningTone, type WarRoomFilters } from "./tone";
import { useMoneyText } from "./use-money-text";

/**
 * The district's parks as drawn in plan-geometry.ts, each park's projects as dots in their
 * warning colour (a dot opens its project), the park's count and total; parks without a
 * drawn outline, and projects without a park, listed beside the plan.
 */
export function ParkPlan({
  data,
  filters,
  tv = false,
}: {
  data: Pick<WarRoomData, "parks" | "noPark">;
  filters: WarRoomFilters;
  tv?: boolean;
}) {
  const t = useTranslations();
  const money = useMoneyText();
  const drawn = data.parks.filter((p) => parkShapes[p.code]);
  const undrawn = data.parks.filter((p) => !parkShapes[p.code]);
  const r = tv ? 9 : 7;
  return (
    <div className="flex flex-col gap-3 lg:flex-row" data-testid="park-plan">
      <svg
        viewBox={`0 0 ${PLAN_WIDTH} ${PLAN_HEIGHT}`}
        role="img"
        aria-label={t("warRoom.plan.aria")}
        className={`h-auto w-full min-w-0 rounded-lg lg:flex-1 ${tv ? "max-h-[80vh]" : ""}`}
      >
        <rect width={PLAN_WIDTH} height={PLAN_HEIGHT} fill={tv ? "#1e293b" : "#f1f5f1"} />
        <path d={seaPath} fill={tv ? "#0c4a6e" : "#bfdbfe"} />
        <path d={coastPath} fill="none" stroke={tv ? "#38bdf8" : "#60a5fa"} strokeWidth={3} />
        <text x={950} y={300} textAnchor="middle" fontSize={28} fill={tv ? "#7dd3fc" : "#3b82f6"}>
          {t("warRoom.plan.sea")}
        </text>
        {roadPaths.map((d) => (
          <path key={d} d={d} fill="none" stroke={tv ? "#475569" : "#d6d3d1"} strokeWidth={10} strokeLinecap="round" />
        ))}
        {/* a pier of the marine park */}
        <rect x={858} y={380} width={50} height={10} fill={tv ? "#64748b" : "#a8a29e"} />
        <rect x={838} y={470} width={54} height={10} fill={tv ? "#64748b" : "#a8a29e"} />
        <g transform="translate(40 560)" fill={tv ? "#cbd5e1" : "#475569"}>
          <path d="M 0 -30 L 8 0 L 0 -6 L -8 0 Z" />
          <text y={18} textAnchor="middle" fontSize={16}>
            N
          </text>
        </g>
        {drawn.map((park) => {
          const poly = parkShapes[park.code];
          const [lx, ly] = labelPoint(poly);
          return (
            <g key={park.code} data-testid="plan-park" data-park={park.code} data-count={park.count}>
              <polygon
                points={pointsAttr(poly)}
                fill={tv ? "#334155" : "#ffffff"}
                stroke={tv ? "#94a3b8" : "#64748b"}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
              <a href={gridHref(filters, { park: park.code })}>
                <text
                  x={lx}
                  y={ly}
                  textAnchor="middle"
                  fontSize={labelSize(poly, park.name, tv ? 26 : 22)}
                  fontWeight={700}
                  fill={tv ? "#f8fafc" : "#0f172a"}
                >
                  {park.name}
                </text>
                <text x={lx} y={ly + 28} textAnchor="middle" fontSize={tv ? 22 : 18} fill={tv ? "#cbd5e1" : "#475569"}>
                  {t("warRoom.plan.parkTotal", { count: park.count, amount: money(park.investment) })}
                </text>
              </a>
              {park.markers.map((m) => {
                const [x, y] = markerPoint(m.id, poly);
                return (
                  <a key={m.id} href={`/projects/${m.id}`} data-testid="plan-marker" data-warning={m.warning}>
                    <title>{`${m.code} ${m.name} · ${t(`stages.${m.stage}`)} · ${t(`warnings.${m.warning}`)}`}</title>
                    <circle cx={x} cy={y} r={r} fill={warningTone[m.warning].dot} stroke="#ffffff" strokeWidth={2} />
                  </a>
                );
              })}
              {park.more > 0 ? (
                <text
                  x={lx}
                  y={Math.max(...poly.map((p) => p[1])) - 8}
                  textAnchor="middle"
                  fontSize={14}
                  fill={tv ? "#cbd5e1" : "#64748b"}
                >
                  {t("warRoom.plan.moreMarkers", { n: park.more })}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <aside className={`space-y-3 lg:w-56 ${tv ? "text-lg text-slate-200" : "text-sm text-slate-700"}`}>
        <div>
          <h3 className="mb-1 font-semibold">{t("warRoom.plan.legend")}</h3>
          <ul className="space-y-0.5">
            {(["RED", "YELLOW", "BLUE", "NONE"] as const).map((w) => (
              <li key={w} className="flex items-center gap-2">
                <span className="inline-block h-3 w-3 rounded-full" style={{ background: warningTone[w].dot }} />
                {t(`warnings.${w}`)}
              </li>
            ))}
          </ul>
        </div>
        {undrawn.length ? (
          <div data-testid="undrawn-parks">
            <h3 className="mb-1 font-semibold">{t("warRoom.plan.otherParks")}</h3>
            <ul className="space-y-0.5">
              {undrawn.map((p) => (
                <li key={p.code}>
                  <a href={gridHref(filters, { park: p.code })} className="underline">
                    {p.name}
                  </a>{" "}
                  {t("warRoom.plan.parkTotal", { count: p.count, amount: money(p.investment) })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {data.noPark.count ? (
          <p>
            {t("warRoom.plan.noPark")}：
            {t("warRoom.plan.parkTotal", { count: data.noPark.count, amount: money(data.noPark.investment) })}
          </p>
        ) : null}
        <p className={tv ? "text-sm text-slate-400" : "text-xs text-slate-500"}>{t("warRoom.plan.note")}</p>
      </aside>
    </div>
  );
}
