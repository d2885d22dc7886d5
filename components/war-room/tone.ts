import type { WarningState } from "@/lib/projects/stages";

/** How a warning colour looks on the wall: card, marker and badge (红黄蓝, grey for 未纳入调度). */
export const warningTone: Record<WarningState, { card: string; dot: string; badge: string }> = {
  RED: { card: "border-l-red-600 bg-red-50", dot: "#dc2626", badge: "bg-red-600 text-white" },
  YELLOW: { card: "border-l-amber-500 bg-amber-50", dot: "#f59e0b", badge: "bg-amber-400 text-slate-900" },
  BLUE: { card: "border-l-blue-600 bg-blue-50", dot: "#2563eb", badge: "bg-blue-600 text-white" },
  NONE: { card: "border-l-slate-300 bg-white", dot: "#94a3b8", badge: "bg-slate-200 text-slate-700" },
};

export type WarRoomFilters = { park?: string; industry?: string; chain?: string; leader?: string };

/** The grid filtered to the same projects (all of them: 只看我的 off, whoever's the default). */
export function gridHref(filters: WarRoomFilters, extra: Record<string, string>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...extra, ...filters })) if (v) params.set(k, v);
  params.set("mine", "0");
  return `/projects?${params}`;
}
