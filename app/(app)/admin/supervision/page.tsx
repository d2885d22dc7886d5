import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { SupervisionSettingsForm } from "@/components/supervision/settings-form";
import { requireActor } from "@/lib/auth/current";
import { readSupervisionSettings } from "@/lib/supervision/read-settings";
import { defaultSupervisionSettings } from "@/lib/supervision/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supervisionSettings"))("title") };
}

/** 管理员 → 督办规则: every threshold and timer of SPEC §5, with its default. */
export default async function SupervisionSettingsPage() {
  const actor = await requireActor("supervision.settings");
  const t = await getTranslations("supervisionSettings");
  const settings = await readSupervisionSettings({ actor });
  return (
    <div>
      <PageHeader title={t("title")} />
      <Card>
        <p className="mb-4 text-sm text-slate-600">{t("explain")}</p>
        {/* Keyed by the version: a save brings the stored values and the new version. */}
        <SupervisionSettingsForm key={settings.version} settings={settings} defaults={defaultSupervisionSettings} />
      </Card>
    </div>
  );
}
