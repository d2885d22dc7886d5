"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import type { WarRoomData } from "@/lib/war-room/board";

/** RED projects on the board, largest first, with their reasons, leader and how long they have been red. */
export function RedList({ data, tv = false }: { data: WarRoomData["redList"]; tv?: boolean }) {
  const t = useTranslations();
  if (!data.count)
    return (
      <p className={tv ? "text-2xl text-slate-300" : "text-sm text-slate-500"} data-testid="red-list">
        {t("warRoom.red.empty")}
      </p>
    );
  const cell = tv ? "px-3 py-2" : "px-2 py-1.5";
  return (
    <div data-testid="red-list">
      <p className={`mb-2 ${tv ? "text-xl text-slate-300" : "text-sm text-slate-600"}`} data-testid="red-count">
        {data.items.length < data.count
          ? t("warRoom.red.shown", { shown: data.items.length, n: data.count })
          : t("warRoom.red.count", { n: data.count })}
      </p>
      <div className="overflow-x-auto">
        <table className={`w-full ${tv ? "text-xl" : "text-sm"}`}>
          <thead className={tv ? "text-slate-300" : "text-slate-500"}>
            <tr className="text-left">
              <th className={cell}>{t("warRoom.red.project")}</th>
              <th className={cell}>{t("warRoom.red.stage")}</th>
              <th className={cell}>{t("warRoom.red.park")}</th>
              <th className={cell}>{t("warRoom.red.leader")}</th>
              <th className={`${cell} text-right`}>{t("warRoom.red.investment")}</th>
              <th className={cell}>{t("warRoom.red.reasons")}</th>
              <th className={cell}>{t("warRoom.red.days")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr
                key={p.id}
                className={tv ? "border-t border-slate-700" : "border-t border-slate-100"}
                data-testid="red-row"
              >
                <td className={`${cell} min-w-[9rem]`}>
                  <Link
                    href={`/projects/${p.id}`}
                    className={`font-medium underline ${tv ? "text-white" : "text-brand-700"}`}
                  >
                    {p.name}
                  </Link>
                  <span className={`block ${tv ? "text-base text-slate-400" : "text-xs text-slate-500"}`}>
                    {p.code}
                  </span>
                </td>
                <td className={`${cell} whitespace-nowrap`}>{t(`stages.${p.stage}`)}</td>
                <td className={`${cell} whitespace-nowrap`}>{p.parkName ?? "—"}</td>
                <td className={`${cell} whitespace-nowrap`}>{p.leaderName ?? t("warRoom.noLeader")}</td>
                <td className={`${cell} text-right`}>
                  <Money wan={p.investment} />
                </td>
                <td className={`${cell} min-w-[16rem] ${tv ? "text-red-300" : "text-red-700"}`}>
                  {p.warningReasons.length ? p.warningReasons.map((r) => r.message).join("；") : t("warRoom.noReasons")}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {p.daysRed === null ? "—" : t("warRoom.red.daysRed", { n: p.daysRed })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
