import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TargetsEditor } from "@/components/targets/targets-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { shanghaiYear } from "@/lib/dates";
import { getTargets } from "@/lib/targets/get-targets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("targets"))("titleShort") };
}

/** 年度目标: managers edit the year's targets, leaders and admins read them (with progress and roll-ups). */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireActor("target.readAll");
  const t = await getTranslations();
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : shanghaiYear();
  const data = await getTargets({ actor, query: { year } });
  const years = [...new Set([shanghaiYear() + 1, shanghaiYear(), shanghaiYear() - 1, year])].sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: t("nav.home"), href: "/" }, { label: t("targets.titleShort") }]} />
      <PageHeader title={t("targets.title", { year })}>
        <nav className="flex gap-2 text-sm" aria-label={t("targets.year")}>
          {years.map((y) => (
            <Link
              key={y}
              href={`/targets?year=${y}`}
              aria-current={y === year ? "page" : undefined}
              className={`rounded px-2 py-1 ${y === year ? "bg-brand-700 text-white" : "text-brand-700 hover:underline"}`}
            >
              {y}
            </Link>
          ))}
        </nav>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("targets.intro")}</p>
      <Card>
        {/* Keyed by year and version: a save or another year starts the grid from the stored targets. */}
        <TargetsEditor key={`${data.year}:${data.version ?? 0}`} data={data} />
      </Card>
    </div>
  );
}
