import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportWizard } from "./import-wizard";

const pages = {
  PROJECTS: { title: "title", doneHref: "/projects?sort=updatedAt&order=desc" },
  ENTERPRISES: { title: "titleEnterprises", doneHref: "/enterprises" },
} as const;

/** The body of an import page (projects or enterprises); the page checks the role. */
export async function ImportPage({ kind }: { kind: keyof typeof pages }) {
  const page = pages[kind];
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
