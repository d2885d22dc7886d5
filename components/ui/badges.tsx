import { useTranslations } from "next-intl";

const stageColors: Record<string, string> = {
  LEAD: "bg-slate-100 text-slate-700",
  NEGOTIATING: "bg-sky-100 text-sky-800",
  SIGNED: "bg-indigo-100 text-indigo-800",
  REGISTERED: "bg-violet-100 text-violet-800",
  APPROVING: "bg-amber-100 text-amber-800",
  CONSTRUCTION: "bg-orange-100 text-orange-800",
  COMPLETED: "bg-teal-100 text-teal-800",
  PRODUCTION: "bg-emerald-100 text-emerald-800",
  SUSPENDED: "bg-zinc-200 text-zinc-700",
  TERMINATED: "bg-zinc-300 text-zinc-600 line-through",
};

export function StageBadge({ stage }: { stage: string }) {
  const t = useTranslations("stages");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${stageColors[stage] ?? ""}`}>
      {t(stage)}
    </span>
  );
}

const warningColors: Record<string, string> = {
  NONE: "border border-slate-300 bg-white",
  BLUE: "bg-blue-500",
  YELLOW: "bg-yellow-400",
  RED: "bg-red-600",
};

export function WarningDot({ warning }: { warning: string }) {
  const t = useTranslations("warnings");
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
      <span
        aria-hidden
        className={`inline-block h-2.5 w-2.5 rounded-full ${warningColors[warning] ?? "bg-slate-300"}`}
      />
      {t(warning)}
    </span>
  );
}
