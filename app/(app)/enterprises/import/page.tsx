import type { Metadata } from "next";
import { ImportPage, importPageTitle } from "@/components/imports/import-page";
import { requireActor } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  return importPageTitle("ENTERPRISES");
}

export default async function Page() {
  await requireActor("enterprise.import");
  return <ImportPage kind="ENTERPRISES" />;
}
