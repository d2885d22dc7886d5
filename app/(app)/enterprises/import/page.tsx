import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("titleEnterprises") };
}

export default async function ImportEnterprisesPage() {
  await requireActor("enterprise.import");
  const t = await getTranslations("imports");
  return (
    <div>
      <PageHeader title={t("titleEnterprises")} />
      <Card>
        <ImportWizard kind="ENTERPRISES" doneHref="/enterprises" />
      </Card>
    </div>
  );
}
