import { getTranslations } from "next-intl/server";
import { ProjectForm } from "@/components/projects/project-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { projectReferenceData } from "@/lib/reference/queries";

export default async function NewProjectPage() {
  await requireActor("project.create");
  const t = await getTranslations();
  const refs = await projectReferenceData();
  return (
    <div>
      <PageHeader title={t("projects.newLead")} />
      <Card>
        <ProjectForm mode="create" refs={refs} canAssign={false} />
      </Card>
    </div>
  );
}
