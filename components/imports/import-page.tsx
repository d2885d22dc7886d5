import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { ImportWizard } from "./import-wizard";

const pages = {
  PROJECTS: { action: "project.import", title: "title", doneHref: "/projects?sort=updatedAt&order=desc" },
  ENTERPRISES: { action: "enterprise.import", title: "titleEnterprises", doneHref: "/enterprises" },
} as const;

/** The page of an import (projects or enterprises): the role check, the title and the wizard. */
export async function ImportPage({ kind }: { kind: keyof typeof pages }) {
  const page = pages[kind];
  await requireActor(page.action);
  const t = await getTranslations("imports");
  return (
    <div>
      <PageHeader title={t(page.title)} />
      <Card>
        <ImportWizard kind={kind} doneHref={page.doneHref} />
      </Card>
    </div>
  );
}

export async function importPageTitle(kind: keyof typeof pages) {
  return { title: (await getTranslations("imports"))(pages[kind].title) };
}
