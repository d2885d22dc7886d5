import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulletinDocument } from "@/components/bulletins/bulletin-document";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requireActor } from "@/lib/auth/current";
import { previewBulletin } from "@/lib/bulletins/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletins"))("previewCurrent") };
}

/** This week so far, computed now and not stored: a draft for managers, marked 草稿 throughout. */
export default async function BulletinPreviewPage() {
  const actor = await requireActor("bulletin.generate");
  const t = await getTranslations("bulletins");
  const d = await previewBulletin({ actor, input: {} });
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("title"), href: "/supervision/bulletins" }, { label: t("draft") }]} />
        <h1 className="text-xl font-bold text-slate-800">{t("draftTitle", { from: d.weekStart, to: d.weekEnd })}</h1>
      </div>
      <div className="rounded-lg border-2 border-dashed border-amber-400 bg-white p-6 shadow-sm">
        <BulletinDocument head={d} sections={d.sections} draft />
      </div>
    </div>
  );
}
