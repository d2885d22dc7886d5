import type { Metadata } from "next";
import { ImportPage, importPageTitle } from "@/components/imports/import-page";
import { requireActor } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return importPageTitle("PROJECTS");
}

export default async function Page() {
  await requireActor("project.import");
  return <ImportPage kind="PROJECTS" />;
}
