import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { projectReferenceData } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("newLead") };
}

export default async function NewProjectPage() {
  await requireActor("project.create");
  const t = await getTranslations();
  const refs = await projectReferenceData();
  return (
    <div>
      <Breadcrumbs items={[{ label: t("projects.title"), href: "/projects" }, { label: t("projects.newLead") }]} />
      <PageHeader title={t("projects.newLead")} />
      <Card>
        <ProjectForm mode="create" refs={refs} canAssign={false} />
      </Card>
    </div>
  );
}
