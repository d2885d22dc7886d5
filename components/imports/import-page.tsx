import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportWizard } from "./import-wizard";

// importedHref: the list that filters by an import job (`?importJob=`), where there is one.
const pages = {
  PROJECTS: { title: "title", doneHref: "/projects?sort=updatedAt&order=desc", importedHref: "/projects" },
  ENTERPRISES: { title: "titleEnterprises", doneHref: "/enterprises", importedHref: null },
} as const;

/** The body of an import page (projects or enterprises); the page checks the role. */
export async function ImportPage({ kind }: { kind: keyof typeof pages }) {
  const page = pages[kind];
  const t = await getTranslations("imports");
  return (
    <div>
      <PageHeader title={t(page.title)} />
      <Card>
        <ImportWizard kind={kind} doneHref={page.doneHref} importedHref={page.importedHref} />
      </Card>
    </div>
  );
}

export async function importPageTitle(kind: keyof typeof pages) {
  return { title: (await getTranslations("imports"))(pages[kind].title) };
}
