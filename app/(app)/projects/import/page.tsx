import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportProjectsPage() {
  await requireActor("project.import");
  const t = await getTranslations("imports");
  return (
    <div>
      <PageHeader title={t("title")} />
      <Card>
        <ImportWizard kind="PROJECTS" doneHref="/projects?sort=updatedAt&order=desc" />
      </Card>
    </div>
  );
}
