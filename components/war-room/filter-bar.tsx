"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ProjectReferenceData } from "@/lib/reference/queries";
import type { WarRoomFilters } from "./tone";

type Choice = { value: string; label: string };

/** Park, industry, chain and leader, kept in the URL (a board's link shows the same board). */
export function WarRoomFilterBar({ refs, filters }: { refs: ProjectReferenceData; filters: WarRoomFilters }) {
  const t = useTranslations("warRoom");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const set = (key: keyof WarRoomFilters, value: string) => {
    const params = new URLSearchParams(search.toString());
    if (value) params.set(key, value);
    else params.delete(key);
    router.push(`${pathname}${params.size ? `?${params}` : ""}`);
  };
  const choices: { key: keyof WarRoomFilters; options: Choice[] }[] = [
    { key: "park", options: refs.parks.map((p) => ({ value: p.code ?? p.id, label: p.label })) },
    { key: "industry", options: refs.industries.map((i) => ({ value: i.code ?? i.id, label: i.label })) },
    { key: "chain", options: refs.chains.map((c) => ({ value: c.id, label: c.label })) },
    { key: "leader", options: refs.leaders.map((l) => ({ value: l.code ?? l.id, label: l.label })) },
  ];
  const any = Object.values(filters).some(Boolean);
  const tvParams = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  tvParams.set("tv", "1");
  return (
    <div
      role="search"
      aria-label={t("filters.label")}
      className="flex flex-wrap items-end gap-2"
      data-testid="war-room-filters"
    >
      {choices.map(({ key, options }) => (
        <label key={key} className="flex min-w-0 flex-col text-xs text-slate-600">
          {t(`filters.${key}`)}
          <select
            name={key}
            value={filters[key] ?? ""}
            onChange={(e) => set(key, e.target.value)}
            className="mt-0.5 max-w-[11rem] rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
          >
            <option value="">{t("filters.all")}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {any ? (
        <Link href={pathname} className="px-2 py-1 text-sm text-brand-700 underline">
          {t("filters.reset")}
        </Link>
      ) : null}
      <Link
        href={`${pathname}?${tvParams}`}
        className="ml-auto rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700"
        data-testid="tv-link"
      >
        {t("tvMode")}
      </Link>
    </div>
  );
}
