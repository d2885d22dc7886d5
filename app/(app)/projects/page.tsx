import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProjectsGrid, type GridParams } from "@/components/projects/projects-grid";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listProjects } from "@/lib/projects/queries";
import { listSavedViews } from "@/lib/projects/saved-views";
import { projectReferenceData } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("project.read");
  const t = await getTranslations();
  const raw = await searchParams;
  const params: GridParams = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // Bad values in a shared URL fall back to the unfiltered list, with a note.
  const { result, error } = await listProjects({ actor, query: params })
    .then((result) => ({ result, error: undefined as string | undefined }))
    .catch(async (e) => {
      if (!isAppError(e) || e.code !== "VALIDATION") throw e;
      const error = `${t("projects.badFilter")}: ${Object.entries(e.fields ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join("；")}`;
      return { result: await listProjects({ actor, query: {} }), error };
    });
  const [refs, views] = await Promise.all([projectReferenceData(), listSavedViews({ actor })]);
  return (
    <div>
      <PageHeader title={t("projects.title")} />
      <Card>
        <ProjectsGrid
          items={result.items}
          total={result.total}
          page={result.page}
          pageSize={result.pageSize}
          params={params}
          refs={refs}
          views={views}
          canCreate={can(actor.role, "project.create")}
          canImport={can(actor.role, "project.import")}
          error={error}
        />
      </Card>
    </div>
  );
}
