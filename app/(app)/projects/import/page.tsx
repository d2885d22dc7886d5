import type { Metadata } from "next";
import { ImportPage, importPageTitle } from "@/components/imports/import-page";

export async function generateMetadata(): Promise<Metadata> {
  return importPageTitle("PROJECTS");
}

export default function Page() {
  return <ImportPage kind="PROJECTS" />;
}
