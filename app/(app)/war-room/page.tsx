import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { WarRoomBoard } from "@/components/war-room/board";
import { WarRoomFilterBar } from "@/components/war-room/filter-bar";
import { ParkPlan } from "@/components/war-room/park-plan";
import { RedList } from "@/components/war-room/red-list";
import { WarRoomTv } from "@/components/war-room/tv-mode";
import type { WarRoomFilters } from "@/components/war-room/tone";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterError } from "@/components/ui/filter-error";
import { requireActor } from "@/lib/auth/current";
import { resolveLocale } from "@/lib/i18n/config";
import { listWithFilterNote } from "@/lib/pages/filtered-list";
import { projectReferenceData } from "@/lib/reference/queries";
import { warRoom } from "@/lib/war-room/board";
import { warRoomFilterKeys } from "@/lib/war-room/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warRoom"))("title") };
}

/** Seconds from the URL (tests shorten the wall screen's timers), kept within sane bounds. */
function seconds(raw: string | undefined, fallback: number, min: number) {
  const n = Number(raw);
  return Number.isFinite(n) && raw ? Math.min(3600, Math.max(min, Math.round(n))) : fallback;
}

export default async function WarRoomPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Whoever reads the grid reads the board, each their own projects (lib/war-room/board.ts).
  const actor = await requireActor("project.read");
  const t = await getTranslations();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as Record<string, string | undefined>;
  const asked = Object.fromEntries(warRoomFilterKeys.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const locale = resolveLocale(await getLocale());
  const { result, filterError } = await listWithFilterNote((q) => warRoom({ actor, query: q, locale }), asked);
  // The filters the board shows are the ones it applied (none, when the URL's were refused).
  const filters: WarRoomFilters = filterError ? {} : asked;

  if (raw.tv === "1")
    return (
      <WarRoomTv
        initial={result}
        filters={filters}
        rotate={seconds(raw.rotate, 30, 2)}
        refresh={seconds(raw.refresh, 60, 3)}
      />
    );

  const refs = await projectReferenceData();
  return (
    <div>
      <PageHeader title={t("warRoom.title")} />
      <p className="-mt-2 mb-3 text-sm text-slate-600">{t("warRoom.subtitle")}</p>
      <FilterError message={filterError} />
      <div className="mb-3">
        <WarRoomFilterBar refs={refs} filters={filters} />
      </div>
      <Card className="mb-4">
        <WarRoomBoard columns={result.columns} filters={filters} />
      </Card>
      <div className="space-y-4">
        <Card title={t("warRoom.plan.title")}>
          <ParkPlan data={result} filters={filters} />
        </Card>
        <Card title={t("warRoom.red.title")}>
          <RedList data={result.redList} />
        </Card>
      </div>
    </div>
  );
}
