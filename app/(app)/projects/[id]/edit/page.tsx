import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ProjectForm } from "@/components/projects/project-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { recordLoader } from "@/lib/pages/record-page";
import { getProject } from "@/lib/projects/queries";
import { projectReferenceData } from "@/lib/reference/queries";

type Props = { params: Promise<{ id: string }> };

const loadProject = recordLoader(async (id) => getProject({ actor: await requireActor("project.read"), id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("projectForm");
  const { project: p } = await loadProject((await params).id);
  return { title: `${t("edit")} · ${p.name} · ${p.code}` };
}

export default async function EditProjectPage({ params }: Props) {
  await requireActor("project.read");
  const { id } = await params;
  const t = await getTranslations();
  const found = await loadProject(id);
  if (!found.allowed.update) forbidden();
  const p = found.project;
  const refs = await projectReferenceData();
  const s = (v: string | null) => v ?? "";
  const initial = {
    id: p.id,
    version: p.version,
    name: p.name,
    enterpriseName: p.enterpriseName,
    creditCode: s(p.creditCode),
    industryId: p.industryId,
    parkId: s(p.parkId),
    ownerId: p.ownerId,
    leaderId: s(p.leaderId),
    totalInvestment: p.totalInvestment,
    fixedAssetInvestment: s(p.fixedAssetInvestment),
    foreignCapital: s(p.foreignCapital),
    expectedAnnualOutput: s(p.expectedAnnualOutput),
    expectedAnnualTax: s(p.expectedAnnualTax),
    landArea: s(p.landArea),
    sourceChannel: p.sourceChannel,
    keyProject: p.keyProject,
    plannedStartDate: s(p.plannedStartDate),
    signingDate: s(p.signingDate),
    contractInvestment: s(p.contractInvestment),
    completionDate: s(p.completionDate),
    productionDate: s(p.productionDate),
    description: s(p.description),
    contacts: p.contacts ?? [],
    tags: p.tags,
    linkIds: p.linkIds,
  };
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t("projects.title"), href: "/projects" },
          { label: p.name, href: `/projects/${p.id}` },
          { label: t("projectForm.edit") },
        ]}
      />
      <PageHeader title={`${t("projectForm.edit")} · ${p.name}`} />
      <Card>
        <ProjectForm mode="edit" refs={refs} initial={initial} canAssign={found.allowed.assign} />
      </Card>
    </div>
  );
}
